import { Injectable } from '@nestjs/common';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * The process's Prometheus series (one registry per application, so tests can
 * start several apps in one process). Names follow Prometheus conventions:
 * `ticketflow_` prefix, base units in the name, `_total` on counters.
 * Gauges that come from the database or from other services are filled by
 * MetricsCollector just before each scrape.
 */
@Injectable()
export class MetricsRegistry {
  readonly registry = new Registry();

  readonly httpDuration = new Histogram({
    name: 'ticketflow_http_request_duration_seconds',
    help: 'HTTP requests by method, route template and status code',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  readonly eventsApplied = new Counter({
    name: 'ticketflow_engine_events_applied_total',
    help: 'Events applied to workflow instances and committed, by workflow and event kind (start, task.complete, vote, timer.fire…)',
    labelNames: ['workflow', 'kind'] as const,
    registers: [this.registry],
  });
  readonly transitionsCommitted = new Counter({
    name: 'ticketflow_engine_transitions_committed_total',
    help: 'Transitions committed, by workflow and the kind of event that caused them',
    labelNames: ['workflow', 'kind'] as const,
    registers: [this.registry],
  });
  /** Where the in-process worker counters come from (the workers' own `stats`, read at scrape time). */
  readonly workerStats: Record<WorkerStat, () => number> = {
    timersFired: zero,
    timerFailures: zero,
    outboxSent: zero,
    outboxFailed: zero,
    outboxRetried: zero,
  };

  readonly timersFired = this.statCounter(
    'ticketflow_timers_fired_total',
    'Timers this process fired (use rate() for fires/s)',
    'timersFired',
  );
  readonly timerFailures = this.statCounter(
    'ticketflow_timer_failures_total',
    'Timer fire attempts that failed in this process',
    'timerFailures',
  );
  readonly timers = gauge(
    this.registry,
    'ticketflow_timers',
    'Timers by state: scheduled (all waiting), due (past due, unclaimed), claimed (being fired), failed (gave up)',
    ['state'],
  );
  readonly timerLag = gauge(
    this.registry,
    'ticketflow_timer_lag_seconds',
    'How long the oldest due, unclaimed timer has waited past its due time',
  );
  readonly outboxSent = this.statCounter(
    'ticketflow_outbox_sent_total',
    'Outbox actions this process delivered',
    'outboxSent',
  );
  readonly outboxFailures = this.statCounter(
    'ticketflow_outbox_failed_total',
    'Outbox actions this process gave up on (failed edge or incident)',
    'outboxFailed',
  );
  readonly outboxRetries = this.statCounter(
    'ticketflow_outbox_retries_total',
    'Outbox attempts of this process that will be retried later',
    'outboxRetried',
  );
  readonly outbox = gauge(
    this.registry,
    'ticketflow_outbox_messages',
    'Outbox rows by state: pending (to deliver), failed (gave up)',
    ['state'],
  );
  readonly outboxLag = gauge(
    this.registry,
    'ticketflow_outbox_lag_seconds',
    'How long the oldest pending outbox row has waited past its next attempt',
  );
  readonly incidentsOpen = gauge(this.registry, 'ticketflow_incidents_open', 'Open incidents');
  readonly tasksOpen = gauge(this.registry, 'ticketflow_tasks_open', 'Open tasks by workflow and node', [
    'workflow',
    'node',
  ]);
  readonly slaBreached = gauge(
    this.registry,
    'ticketflow_sla_breached_open',
    'SLA clocks breached on tickets still open',
  );
  readonly sseClients = gauge(
    this.registry,
    'ticketflow_sse_clients',
    'Open live inbox streams on this process',
  );
  readonly dbPool = gauge(
    this.registry,
    'ticketflow_db_pool_connections',
    'Database pool connections of this process: in_use, idle, waiting (requests queued for a connection), max',
    ['state'],
  );
  readonly crossProcess = new Counter({
    name: 'ticketflow_cross_process_notifications_total',
    help: 'PostgreSQL notifications between processes: sent, received (from other processes)',
    labelNames: ['direction'] as const,
    registers: [this.registry],
  });
  readonly housekeepingDeleted = new Counter({
    name: 'ticketflow_housekeeping_deleted_rows_total',
    help: 'Rows deleted by retention, by table',
    labelNames: ['table'] as const,
    registers: [this.registry],
  });
  readonly housekeepingDuration = new Histogram({
    name: 'ticketflow_housekeeping_run_duration_seconds',
    help: 'Duration of housekeeping runs this process performed',
    buckets: [0.01, 0.1, 0.5, 1, 5, 15, 60, 300],
    registers: [this.registry],
  });
  readonly scrapeErrors = new Counter({
    name: 'ticketflow_metrics_scrape_errors_total',
    help: 'Scrapes whose database figures could not be read (the previous values are kept)',
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'ticketflow_' });
  }

  /** A counter whose value is read from a worker's own monotonic count at scrape time. */
  private statCounter(name: string, help: string, stat: WorkerStat): Counter {
    const stats = this.workerStats;
    return new Counter({
      name,
      help,
      registers: [this.registry],
      collect() {
        this.reset();
        this.inc(stats[stat]());
      },
    });
  }
}

export type WorkerStat = 'timersFired' | 'timerFailures' | 'outboxSent' | 'outboxFailed' | 'outboxRetried';

const zero = () => 0;

/** A gauge set at scrape time by MetricsCollector. */
function gauge(registry: Registry, name: string, help: string, labelNames: string[] = []): Gauge<string> {
  return new Gauge({ name, help, labelNames, registers: [registry] });
}
