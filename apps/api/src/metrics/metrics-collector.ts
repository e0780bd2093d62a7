import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EngineEvents } from '../engine/engine-events.js';
import { InboxStream } from '../live/inbox-stream.service.js';
import { OutboxDispatcher } from '../outbox/outbox-dispatcher.js';
import { TimerScheduler } from '../engine/workers/timer-scheduler.js';
import { cached, readDatabaseSnapshot, type DatabaseSnapshot } from './database-snapshot.js';
import { MetricsRegistry } from './metrics-registry.js';

/** Scrapes closer together than this share one database read. */
const DATABASE_CACHE_MS = 5000;

interface PgPoolStats {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
  options?: { max?: number };
}

/**
 * Fills the registry by observation only: counts committed engine events from
 * the post-commit EngineEvents, reads the workers' own counters and the live
 * stream count, and, just before each scrape, the work-queue figures from the
 * database (cached briefly) and the pool's state. Side effects: one database
 * read per scrape at most every few seconds.
 */
@Injectable()
export class MetricsCollector implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(MetricsCollector.name);
  private unsubscribe?: () => void;
  private readonly snapshot: () => Promise<DatabaseSnapshot>;

  constructor(
    private readonly metrics: MetricsRegistry,
    private readonly dataSource: DataSource,
    private readonly events: EngineEvents,
    private readonly inbox: InboxStream,
    timers: TimerScheduler,
    outbox: OutboxDispatcher,
  ) {
    this.snapshot = cached(() => readDatabaseSnapshot(this.dataSource), DATABASE_CACHE_MS);
    Object.assign(metrics.workerStats, {
      timersFired: () => timers.stats.fired,
      timerFailures: () => timers.stats.failed,
      outboxSent: () => outbox.stats.done,
      outboxFailed: () => outbox.stats.failed,
      outboxRetried: () => outbox.stats.retried,
    });
  }

  onModuleInit(): void {
    this.unsubscribe = this.events.subscribe((change) => {
      const workflow = change.workflowKey ?? 'unknown';
      const kind = change.eventType ?? 'unknown';
      this.metrics.eventsApplied.inc({ workflow, kind });
      if (change.transitionCount)
        this.metrics.transitionsCommitted.inc({ workflow, kind }, change.transitionCount);
    });
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
  }

  /** The exposition text, after refreshing the scrape-time gauges. Side effects: see the class. */
  async render(): Promise<string> {
    await this.refresh();
    return this.metrics.registry.metrics();
  }

  get contentType(): string {
    return this.metrics.registry.contentType;
  }

  private async refresh(): Promise<void> {
    const m = this.metrics;
    m.sseClients.set(this.inbox.openStreams);
    const pool = (this.dataSource.driver as unknown as { master?: PgPoolStats }).master;
    if (pool) {
      m.dbPool.set({ state: 'in_use' }, pool.totalCount - pool.idleCount);
      m.dbPool.set({ state: 'idle' }, pool.idleCount);
      m.dbPool.set({ state: 'waiting' }, pool.waitingCount);
      if (pool.options?.max !== undefined) m.dbPool.set({ state: 'max' }, pool.options.max);
    }
    let db: DatabaseSnapshot;
    try {
      db = await this.snapshot();
    } catch (error) {
      m.scrapeErrors.inc();
      this.logger.warn(`metrics: database figures unavailable: ${(error as Error).message}`);
      return;
    }
    m.timers.set({ state: 'scheduled' }, db.timersScheduled);
    m.timers.set({ state: 'due' }, db.timersDue);
    m.timers.set({ state: 'claimed' }, db.timersClaimed);
    m.timers.set({ state: 'failed' }, db.timersFailed);
    m.timerLag.set(db.timerLagSeconds);
    m.outbox.set({ state: 'pending' }, db.outboxPending);
    m.outbox.set({ state: 'failed' }, db.outboxFailed);
    m.outboxLag.set(db.outboxLagSeconds);
    m.incidentsOpen.set(db.incidentsOpen);
    m.slaBreached.set(db.slaBreachedOpen);
    m.tasksOpen.reset();
    for (const row of db.openTasks) m.tasksOpen.set({ workflow: row.workflow, node: row.node }, row.count);
  }
}
