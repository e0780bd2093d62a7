import type { DataSource } from 'typeorm';

/** Work-queue figures read from the database at scrape time (every process sees the same numbers). */
export interface DatabaseSnapshot {
  timersScheduled: number;
  timersDue: number;
  timersClaimed: number;
  timersFailed: number;
  /** Seconds the oldest due, unclaimed timer has waited past its due time (0 when none). */
  timerLagSeconds: number;
  outboxPending: number;
  outboxFailed: number;
  /** Seconds the oldest pending outbox row has waited past its next attempt (0 when none). */
  outboxLagSeconds: number;
  incidentsOpen: number;
  slaBreachedOpen: number;
  openTasks: { workflow: string; node: string; count: number }[];
}

/**
 * One round trip of cheap aggregate queries: each one reads a partial index or
 * the open rows only (scheduled timers, pending outbox rows, open incidents,
 * open tasks, running SLA clocks), never a table's whole history.
 * Side effect: two queries.
 */
export async function readDatabaseSnapshot(dataSource: DataSource): Promise<DatabaseSnapshot> {
  const [row] = (await dataSource.query(`
    SELECT
      (SELECT count(*) FROM timers WHERE status = 'scheduled')::int AS timers_scheduled,
      (SELECT count(*) FROM timers WHERE status = 'scheduled' AND due_at <= now() AND (claimed_until IS NULL OR claimed_until < now()))::int AS timers_due,
      (SELECT count(*) FROM timers WHERE status = 'scheduled' AND claimed_until >= now())::int AS timers_claimed,
      (SELECT count(*) FROM timers WHERE status = 'failed')::int AS timers_failed,
      (SELECT coalesce(EXTRACT(EPOCH FROM now() - min(due_at)), 0) FROM timers
        WHERE status = 'scheduled' AND due_at <= now() AND (claimed_until IS NULL OR claimed_until < now()))::float8 AS timer_lag,
      (SELECT count(*) FROM outbox WHERE status = 'pending')::int AS outbox_pending,
      (SELECT count(*) FROM outbox WHERE status = 'failed')::int AS outbox_failed,
      (SELECT coalesce(EXTRACT(EPOCH FROM now() - min(next_attempt_at)), 0) FROM outbox WHERE status = 'pending' AND next_attempt_at <= now())::float8 AS outbox_lag,
      (SELECT count(*) FROM incidents WHERE status = 'open')::int AS incidents_open,
      (SELECT count(*) FROM sla_clocks WHERE status = 'breached' AND stopped_at IS NULL)::int AS sla_breached_open
  `)) as Record<string, number>[];
  const tasks = (await dataSource.query(`
    SELECT tk.workflow_key AS workflow, t.node_id AS node, count(*)::int AS count
      FROM tasks t JOIN tickets tk ON tk.id = t.ticket_id
     WHERE t.status = 'open' GROUP BY 1, 2 ORDER BY 1, 2 LIMIT 500`)) as {
    workflow: string;
    node: string;
    count: number;
  }[];
  const value = (key: string) => Number(row?.[key] ?? 0);
  return {
    timersScheduled: value('timers_scheduled'),
    timersDue: value('timers_due'),
    timersClaimed: value('timers_claimed'),
    timersFailed: value('timers_failed'),
    timerLagSeconds: value('timer_lag'),
    outboxPending: value('outbox_pending'),
    outboxFailed: value('outbox_failed'),
    outboxLagSeconds: value('outbox_lag'),
    incidentsOpen: value('incidents_open'),
    slaBreachedOpen: value('sla_breached_open'),
    openTasks: tasks,
  };
}

/**
 * Wraps `read` so scrapes within `ttlMs` of each other share one result (and
 * concurrent scrapes one query). Pure wrapper; side effects are `read`'s.
 */
export function cached<T>(
  read: () => Promise<T>,
  ttlMs: number,
  now: () => number = Date.now,
): () => Promise<T> {
  let value: { at: number; promise: Promise<T> } | undefined;
  return () => {
    if (value && now() - value.at < ttlMs) return value.promise;
    const promise = read();
    value = { at: now(), promise };
    promise.catch(() => {
      if (value?.promise === promise) value = undefined;
    });
    return promise;
  };
}
