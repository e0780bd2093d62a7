import { cohortSql, type ReportFilters, SqlParams } from './report-filters.js';
import {
  msBetween,
  percentilesOf,
  percentilesSql,
  type Queryable,
  ratio,
  toCount,
  toMs,
} from './report-values.js';

/** Headline figures over the tickets created in the range (the cohort). */
export interface SummaryReport {
  created: number;
  completed: number;
  cancelled: number;
  open: number;
  incidents: number;
  /** completed / created (null when none were created). */
  resolutionRate: number | null;
  /** created → closed of the completed ones, ms. */
  cycleTimeP50Ms: number | null;
  cycleTimeP90Ms: number | null;
  cycleTimeAvgMs: number | null;
  /** Tickets that entered some node more than once (rework loops). */
  reworkTickets: number;
}

/** Reads the summary. Side effects: none (one SELECT). */
export async function summaryReport(db: Queryable, filters: ReportFilters): Promise<SummaryReport> {
  const params = new SqlParams();
  const [row] = (await db.query(
    `WITH cohort AS (SELECT t.status, t.created_at, t.closed_at, i.id AS instance_id ${cohortSql(filters, params)})
     SELECT count(*) AS created,
            count(*) FILTER (WHERE status = 'completed') AS completed,
            count(*) FILTER (WHERE status = 'cancelled') AS cancelled,
            count(*) FILTER (WHERE status IN ('active', 'incident')) AS open,
            count(*) FILTER (WHERE status = 'incident') AS incidents,
            ${percentilesSql(msBetween('closed_at', 'created_at'), "status = 'completed'")},
            count(*) FILTER (WHERE instance_id IN (SELECT nv.instance_id FROM node_visits nv WHERE nv.visit > 1)) AS rework
       FROM cohort`,
    params.values,
  )) as Record<string, unknown>[];
  const { p50, p90 } = percentilesOf(row);
  const created = toCount(row?.created);
  const completed = toCount(row?.completed);
  return {
    created,
    completed,
    cancelled: toCount(row?.cancelled),
    open: toCount(row?.open),
    incidents: toCount(row?.incidents),
    resolutionRate: ratio(completed, created),
    cycleTimeP50Ms: p50,
    cycleTimeP90Ms: p90,
    cycleTimeAvgMs: toMs(row?.avg),
    reworkTickets: toCount(row?.rework),
  };
}
