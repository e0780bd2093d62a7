import { cohortSql, type ReportFilters, SqlParams, taskGroupSql } from './report-filters.js';
import { labelOf, loadNodeLabels, versionRefsOf } from './node-labels.js';
import { type Queryable, ratio, toCount } from './report-values.js';

export interface SlaRow {
  /** `step`: a task or approval with a due time (from its node's timeout); `ticket`: a ticket SLA clock. */
  scope: 'step' | 'ticket';
  workflowKey: string;
  /** Steps: the version the tickets ran on (rows are per version and node); ticket clocks: null. */
  version: number | null;
  /** Node id for steps; the clock kind (`response`, `resolution`) for ticket clocks. */
  key: string;
  name: string;
  /** Measured: met + breached + pending. */
  total: number;
  met: number;
  breached: number;
  /** Of the breached, those still open now (past due and waiting). */
  breachedOpen: number;
  /** Open and not yet due. */
  pending: number;
  /** met / (met + breached); null when nothing is decided yet. */
  compliance: number | null;
}

/**
 * SLA compliance and breaches.
 * Steps (always): tasks with a `due_at` — met when completed by then, breached
 * when closed after it (a timeout counts) or still open past it; a step
 * cancelled before its due time is not counted.
 * Tickets (when the `sla_clocks` table exists): each response / resolution
 * clock — met when stopped in time, breached when marked breached or running
 * past its due time. Side effects: none.
 */
export async function slaReport(db: Queryable, filters: ReportFilters, now = new Date()): Promise<SlaRow[]> {
  const steps = await stepRows(db, filters, now);
  const [present] = (await db.query(`SELECT to_regclass('sla_clocks') IS NOT NULL AS present`)) as {
    present: boolean;
  }[];
  const clocks = present?.present ? await clockRows(db, filters, now) : [];
  return [...steps, ...clocks];
}

async function stepRows(db: Queryable, filters: ReportFilters, now: Date): Promise<SlaRow[]> {
  const params = new SqlParams();
  const cohort = cohortSql(filters, params, {
    dates: 'created',
    join: 'JOIN tasks tk ON tk.instance_id = i.id',
  });
  const at = params.add(now);
  const rows = (await db.query(
    `WITH measured AS (
       SELECT t.workflow_key, v.version, tk.node_id,
              CASE WHEN tk.status = 'open' AND tk.due_at >= ${at} THEN 'pending'
                   WHEN tk.status = 'open' THEN 'breached-open'
                   WHEN tk.completed_at > tk.due_at THEN 'breached'
                   WHEN tk.status = 'completed' THEN 'met'
                   ELSE 'withdrawn' END AS state
         ${cohort} AND tk.due_at IS NOT NULL${taskGroupSql(filters, params)})
     SELECT workflow_key, version, node_id,
            count(*) FILTER (WHERE state = 'met') AS met,
            count(*) FILTER (WHERE state IN ('breached', 'breached-open')) AS breached,
            count(*) FILTER (WHERE state = 'breached-open') AS breached_open,
            count(*) FILTER (WHERE state = 'pending') AS pending
       FROM measured WHERE state <> 'withdrawn'
      GROUP BY workflow_key, version, node_id ORDER BY workflow_key, version DESC, node_id`,
    params.values,
  )) as Record<string, unknown>[];
  const labels = await loadNodeLabels(db, versionRefsOf(rows));
  return rows.map((row) => {
    const key = String(row.workflow_key);
    const version = Number(row.version);
    return toRow(
      'step',
      key,
      version,
      String(row.node_id),
      labelOf(labels, key, version, String(row.node_id)).name,
      row,
    );
  });
}

async function clockRows(db: Queryable, filters: ReportFilters, now: Date): Promise<SlaRow[]> {
  const params = new SqlParams();
  const cohort = cohortSql(filters, params, {
    dates: 'created',
    join: 'JOIN sla_clocks c ON c.ticket_id = t.id',
  });
  const at = params.add(now);
  const rows = (await db.query(
    `WITH measured AS (
       SELECT t.workflow_key, c.kind,
              CASE WHEN c.status = 'breached' OR c.breached_at IS NOT NULL THEN
                     CASE WHEN c.stopped_at IS NULL THEN 'breached-open' ELSE 'breached' END
                   WHEN c.stopped_at IS NULL AND c.due_at IS NOT NULL AND c.due_at < ${at} THEN 'breached-open'
                   WHEN c.stopped_at IS NOT NULL THEN 'met'
                   ELSE 'pending' END AS state
         ${cohort})
     SELECT workflow_key, kind,
            count(*) FILTER (WHERE state = 'met') AS met,
            count(*) FILTER (WHERE state IN ('breached', 'breached-open')) AS breached,
            count(*) FILTER (WHERE state = 'breached-open') AS breached_open,
            count(*) FILTER (WHERE state = 'pending') AS pending
       FROM measured GROUP BY workflow_key, kind ORDER BY workflow_key, kind`,
    params.values,
  )) as Record<string, unknown>[];
  return rows.map((row) =>
    toRow('ticket', String(row.workflow_key), null, String(row.kind), String(row.kind), row),
  );
}

function toRow(
  scope: SlaRow['scope'],
  workflowKey: string,
  version: number | null,
  key: string,
  name: string,
  row: Record<string, unknown>,
): SlaRow {
  const met = toCount(row.met);
  const breached = toCount(row.breached);
  const pending = toCount(row.pending);
  return {
    scope,
    workflowKey,
    version,
    key,
    name,
    total: met + breached + pending,
    met,
    breached,
    breachedOpen: toCount(row.breached_open),
    pending,
    compliance: ratio(met, met + breached),
  };
}
