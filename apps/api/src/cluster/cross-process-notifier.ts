import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import pg from 'pg';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG, DATABASE_KIND } from '../config/app-config.token.js';
import type { DatabaseKind } from '../database/database-connection.js';
import { EngineEvents } from '../engine/engine-events.js';
import { InboxStream } from '../live/inbox-stream.service.js';
import { MetricsRegistry } from '../metrics/metrics-registry.js';
import { OutboxDispatcher } from '../outbox/outbox-dispatcher.js';
import { TimerScheduler } from '../engine/workers/timer-scheduler.js';
import { decodeChangeMessage, encodeChangeMessages, type ChangeSignal } from './change-message.js';

/** The PostgreSQL channel every process listens on. */
export const CHANGES_CHANNEL = 'ticketflow_changes';
/** Changes committed within this window go out in one NOTIFY. */
const BATCH_MS = 10;
const RECONNECT_MS = [250, 1000, 5000];

/**
 * Carries post-commit changes between API processes over PostgreSQL
 * LISTEN/NOTIFY: after this process commits, it notifies; when another
 * process's notification arrives, live inbox streams are signalled and the
 * timer and outbox workers woken here. Polling stays the fallback (a lost
 * notification only delays work until the next poll). Off on the embedded
 * database (one process) and with CROSS_PROCESS_NOTIFY=off. Side effects: one
 * dedicated connection, one NOTIFY per short batch of commits.
 */
@Injectable()
export class CrossProcessNotifier implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(CrossProcessNotifier.name);
  /** Identifies this process's own notifications, which it ignores. */
  readonly origin = randomUUID();
  private listener: pg.Client | null = null;
  private pending: ChangeSignal[] = [];
  private flushTimer: NodeJS.Timeout | null = null;
  private stopped = false;
  private reconnects = 0;
  private reconnecting = false;
  private readonly unsubscribes: (() => void)[] = [];

  constructor(
    private readonly dataSource: DataSource,
    private readonly events: EngineEvents,
    private readonly inbox: InboxStream,
    private readonly timers: TimerScheduler,
    private readonly outbox: OutboxDispatcher,
    private readonly metrics: MetricsRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DATABASE_KIND) private readonly databaseKind: DatabaseKind,
  ) {}

  get enabled(): boolean {
    return this.databaseKind === 'postgres' && this.config.operations.crossProcessNotify;
  }

  async onModuleInit(): Promise<void> {
    if (!this.enabled) return;
    this.unsubscribes.push(
      this.events.subscribe((change) =>
        this.queue({
          ticketId: change.ticketId,
          tasks: change.tasksChanged,
          timers: change.timersScheduled,
          outbox: change.outboxWritten,
        }),
      ),
      this.inbox.onHandover((ticketId) =>
        this.queue({ ticketId, tasks: true, timers: false, outbox: false }),
      ),
    );
    try {
      await this.listen();
    } catch (error) {
      // Start anyway: polling covers the gap until the listener connects.
      this.logger.warn(`cross-process listener could not connect yet: ${(error as Error).message}`);
      void this.reconnect(null);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    for (const unsubscribe of this.unsubscribes.splice(0)) unsubscribe();
    if (this.flushTimer) clearTimeout(this.flushTimer);
    await this.flush();
    const client = this.listener;
    this.listener = null;
    await client?.end().catch(() => undefined);
  }

  private queue(signal: ChangeSignal): void {
    if (!signal.tasks && !signal.timers && !signal.outbox) return;
    this.pending.push(signal);
    this.flushTimer ??= setTimeout(() => void this.flush(), BATCH_MS);
  }

  private async flush(): Promise<void> {
    this.flushTimer = null;
    const changes = this.pending.splice(0);
    if (changes.length === 0) return;
    for (const payload of encodeChangeMessages(this.origin, changes)) {
      try {
        await this.dataSource.query('SELECT pg_notify($1, $2)', [CHANGES_CHANNEL, payload]);
        this.metrics.crossProcess.inc({ direction: 'sent' });
      } catch (error) {
        // Committed work is not lost: other processes find it on their next poll.
        this.logger.warn(`cross-process notify failed: ${(error as Error).message}`);
      }
    }
  }

  private async listen(): Promise<void> {
    const url = (this.dataSource.options as { url?: string }).url;
    const client = new pg.Client({ connectionString: url, application_name: 'ticketflow-listen' });
    client.on('notification', (message) => this.receive(message.payload));
    client.on('error', (error) => {
      this.logger.warn(`cross-process listener lost its connection: ${error.message}`);
      void this.reconnect(client);
    });
    client.on('end', () => void this.reconnect(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANGES_CHANNEL}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    this.listener = client;
    this.reconnects = 0;
  }

  /** Replaces the lost listener (`null`: none yet) with back-off until one connects or the app stops. */
  private async reconnect(lost: pg.Client | null): Promise<void> {
    if (this.stopped || this.listener !== lost || this.reconnecting) return;
    this.reconnecting = true;
    this.listener = null;
    await lost?.end().catch(() => undefined);
    while (!this.stopped && this.listener === null) {
      const wait = RECONNECT_MS[Math.min(this.reconnects, RECONNECT_MS.length - 1)] as number;
      this.reconnects += 1;
      await new Promise((done) => setTimeout(done, wait).unref());
      try {
        await this.listen();
        // Whatever was notified while disconnected: let the workers look now.
        this.timers.wake();
        this.outbox.wake();
      } catch (error) {
        this.logger.warn(`cross-process listener reconnect failed: ${(error as Error).message}`);
      }
    }
    this.reconnecting = false;
  }

  private receive(payload: string | undefined): void {
    const message = decodeChangeMessage(payload);
    if (!message || message.origin === this.origin) return;
    this.metrics.crossProcess.inc({ direction: 'received' });
    let timers = false;
    let outbox = false;
    for (const change of message.changes) {
      if (change.tasks) void this.inbox.notifyTicket(change.ticketId);
      timers ||= change.timers;
      outbox ||= change.outbox;
    }
    if (timers) this.timers.wake();
    if (outbox) this.outbox.wake();
  }
}
