import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG, DATABASE_KIND } from '../config/app-config.token.js';
import { ADVISORY_LOCKS, whenAdvisoryLockFree } from '../database/advisory-lock.js';
import type { DatabaseKind } from '../database/database-connection.js';
import { MetricsRegistry } from '../metrics/metrics-registry.js';
import { retentionRules, type RetentionRule } from './retention-rules.js';

/** What one housekeeping run did. */
export interface HousekeepingReport {
  /** False when another process held the lock (it is doing the work). */
  ran: boolean;
  deleted: Record<string, number>;
  batches: number;
  durationMs: number;
}

/** First run this long after start, so start-up traffic is not competing with deletes. */
const FIRST_RUN_DELAY_MS = 60_000;

/**
 * Deletes rows that no longer drive anything (see retention-rules.ts), in
 * batches of `HOUSEKEEPING_BATCH_SIZE` (each its own short statement, so no
 * delete holds locks for long), in one process at a time (an advisory lock
 * taken with try-lock: others skip the round), every
 * `HOUSEKEEPING_INTERVAL_MINUTES`. Each run is logged and counted in the
 * metrics. Side effects: deletes rows.
 */
@Injectable()
export class HousekeepingService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(HousekeepingService.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private stopped = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly metrics: MetricsRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DATABASE_KIND) private readonly databaseKind: DatabaseKind,
  ) {}

  onApplicationBootstrap(): void {
    const minutes = this.config.operations.retention.intervalMinutes;
    if (!this.config.workers.enabled || minutes === 0) return;
    this.schedule(Math.min(FIRST_RUN_DELAY_MS, minutes * 60_000));
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /**
   * One run now: every rule, batch after batch until a batch comes back short.
   * Side effects: deletes rows; holds the housekeeping lock on PostgreSQL.
   */
  async runOnce(now: Date = new Date()): Promise<HousekeepingReport> {
    const started = Date.now();
    const work = () => this.deleteAll(now);
    // The embedded database is one process with one connection: no lock needed (or possible).
    const outcome =
      this.databaseKind === 'postgres'
        ? await whenAdvisoryLockFree(this.dataSource, ADVISORY_LOCKS.housekeeping, work)
        : { ran: true as const, value: await work() };
    const durationMs = Date.now() - started;
    if (!outcome.ran) return { ran: false, deleted: {}, batches: 0, durationMs };
    const { deleted, batches } = outcome.value;
    this.metrics.housekeepingDuration.observe(durationMs / 1000);
    for (const [name, count] of Object.entries(deleted))
      if (count > 0) this.metrics.housekeepingDeleted.inc({ table: name }, count);
    this.logger.log(
      `housekeeping: deleted ${Object.entries(deleted)
        .map(([name, count]) => `${count} ${name}`)
        .join(', ')} in ${batches} batches, ${durationMs} ms`,
    );
    return { ran: true, deleted, batches, durationMs };
  }

  private async deleteAll(now: Date): Promise<{ deleted: Record<string, number>; batches: number }> {
    const { batchSize } = this.config.operations.retention;
    const deleted: Record<string, number> = {};
    let batches = 0;
    for (const rule of retentionRules(this.config.operations.retention)) {
      const cutoff = new Date(now.getTime() - rule.maxAgeMs);
      deleted[rule.name] = 0;
      for (;;) {
        if (this.stopped) return { deleted, batches };
        const count = await this.deleteBatch(rule, cutoff, batchSize);
        batches += 1;
        deleted[rule.name] = (deleted[rule.name] ?? 0) + count;
        if (count < batchSize) break;
      }
    }
    return { deleted, batches };
  }

  private async deleteBatch(rule: RetentionRule, cutoff: Date, batchSize: number): Promise<number> {
    const [, count] = (await this.dataSource.query(
      `DELETE FROM ${rule.table} WHERE ${rule.key} IN (SELECT ${rule.key} FROM ${rule.table} WHERE ${rule.where} LIMIT $2 FOR UPDATE SKIP LOCKED)`,
      [cutoff, batchSize],
    )) as [unknown, number];
    return count;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.runOnce()
        .catch((error: unknown) =>
          this.logger.error(`housekeeping failed: ${error instanceof Error ? error.message : String(error)}`),
        )
        .finally(() => this.schedule(this.config.operations.retention.intervalMinutes * 60_000));
    }, delayMs);
    this.timer.unref();
  }
}
