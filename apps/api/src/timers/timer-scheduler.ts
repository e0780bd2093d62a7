import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { TransactionRunner } from '../common/context/transaction-runner.js';
import { DomainError } from '../common/errors/domain-error.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG, DATABASE_KIND } from '../config/app-config.token.js';
import type { DatabaseKind } from '../database/database-connection.js';
import { EngineEvents, type InstanceChanged } from '../engine/engine-events.js';
import { EngineService } from '../engine/engine.service.js';
import { SlaEscalation } from '../sla/sla-escalation.js';
import { EngineDrivenWorker } from './engine-driven-worker.js';
import { forEachLimited, type RoundResult } from './polling-worker.js';

const BATCH = 50;
/** How long a claim holds before another worker may take the timer over (a crashed process). */
const LEASE_SECONDS = 60;
const MAX_ATTEMPTS = 10;

interface ClaimedTimer {
  id: string;
  instance_id: string;
  timer_key: string;
  purpose: string;
  attempts: number;
}

export type FireOutcome = 'fired' | 'skipped' | 'postponed';

/**
 * Fires due timers. A round claims up to 50 due rows with
 * `FOR UPDATE SKIP LOCKED` and a lease (so N processes share the work and a
 * crashed one's claims expire), then fires each in its own transaction that
 * locks the instance first and re-checks the timer under that lock: a timer
 * fires once even when leases overlap. Timeouts go through the runtime like
 * any event (actor: system); SLA timers go to the SLA escalation.
 */
@Injectable()
export class TimerScheduler extends EngineDrivenWorker {
  /** Counters for tests and logs: what this process did. */
  readonly stats = { fired: 0, skipped: 0, postponed: 0, failed: 0 };

  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly engine: EngineService,
    events: EngineEvents,
    private readonly sla: SlaEscalation,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DATABASE_KIND) private readonly databaseKind: DatabaseKind,
  ) {
    super('timer scheduler', new Logger('TimerScheduler'), events, config.workers);
  }

  protected wakesOn(change: InstanceChanged): boolean {
    return change.timersScheduled;
  }

  /** One round: claim due timers, fire them, say when to look again. Side effects: database writes. */
  async round(): Promise<RoundResult> {
    const claimed = (await this.dataSource.query(
      `UPDATE timers SET claimed_until = now() + make_interval(secs => $2), attempts = attempts + 1
        WHERE id IN (SELECT id FROM timers
                      WHERE status = 'scheduled' AND due_at <= now() AND (claimed_until IS NULL OR claimed_until < now())
                      ORDER BY due_at LIMIT $1 FOR UPDATE SKIP LOCKED)
        RETURNING id, instance_id, timer_key, purpose, attempts`,
      [BATCH, LEASE_SECONDS],
    )) as [ClaimedTimer[], number];
    const timers = claimed[0];
    await forEachLimited(timers, this.databaseKind === 'postgres' ? this.config.workers.timerConcurrency : 1, (timer) => this.fireClaimed(timer));
    if (timers.length === BATCH) return { more: true };
    const [next] = (await this.dataSource.query(
      `SELECT EXTRACT(EPOCH FROM (min(greatest(due_at, coalesce(claimed_until, due_at))) - now())) * 1000 AS ms
         FROM timers WHERE status = 'scheduled'`,
    )) as { ms: string | null }[];
    return { more: false, nextInMs: next?.ms === null || next?.ms === undefined ? null : Number(next.ms) };
  }

  private async fireClaimed(timer: ClaimedTimer): Promise<void> {
    try {
      const outcome = await this.fire(timer.id, timer.instance_id);
      this.stats[outcome] += 1;
    } catch (error) {
      this.stats.failed += 1;
      const message = error instanceof Error ? error.message : String(error);
      this.logger.error(`timer ${timer.timer_key} of instance ${timer.instance_id} failed: ${message}`);
      await this.dataSource.query(
        `UPDATE timers SET last_error = $2, claimed_until = now() + make_interval(secs => $3),
                status = CASE WHEN attempts >= $4 THEN 'failed' ELSE status END
          WHERE id = $1 AND status = 'scheduled'`,
        [timer.id, message.slice(0, 1000), Math.min(2 ** timer.attempts, 300), MAX_ATTEMPTS],
      );
    }
  }

  /**
   * Fires one timer in its own transaction: locks the instance, then the
   * timer, and acts only if it is still scheduled and due. Side effects:
   * the step's rows, the timer marked fired (or cancelled if the instance
   * ended), SLA records for SLA timers.
   */
  fire(timerId: string, instanceId: string): Promise<FireOutcome> {
    return this.tx.run(async (uow) => {
      const instance = await this.engine.lock(uow, { instanceId });
      const [timer] = (await uow.manager.query(
        `SELECT timer_key, purpose, status, due_at <= now() AS due FROM timers WHERE id = $1 FOR UPDATE`,
        [timerId],
      )) as { timer_key: string; purpose: string; status: string; due: boolean }[];
      if (!timer || timer.status !== 'scheduled' || !timer.due) return 'skipped';
      if (timer.purpose.startsWith('sla-')) {
        await this.markFired(uow.manager, timerId);
        await this.sla.handle(uow, instance, timer.timer_key);
        return 'fired';
      }
      if (instance.status === 'incident') {
        // The instance accepts no events until an admin retries; look again later.
        await uow.manager.query(`UPDATE timers SET claimed_until = now() + interval '1 minute' WHERE id = $1`, [timerId]);
        return 'postponed';
      }
      if (instance.status !== 'active') {
        await uow.manager.query(`UPDATE timers SET status = 'cancelled', claimed_until = NULL WHERE id = $1`, [timerId]);
        return 'skipped';
      }
      await this.markFired(uow.manager, timerId);
      try {
        await this.engine.apply(uow, instance, { type: 'timer.fire', timerKey: timer.timer_key }, null);
      } catch (error) {
        // The runtime no longer waits for it (refused before anything was written): retire the row.
        if (!(error instanceof DomainError && error.kind === 'conflict')) throw error;
        await uow.manager.query(`UPDATE timers SET status = 'cancelled', last_error = $2 WHERE id = $1`, [timerId, error.message]);
        return 'skipped';
      }
      return 'fired';
    });
  }

  private async markFired(manager: { query: (sql: string, params: unknown[]) => Promise<unknown> }, timerId: string): Promise<void> {
    await manager.query(`UPDATE timers SET status = 'fired', fired_at = now(), claimed_until = NULL WHERE id = $1`, [timerId]);
  }
}
