import { cohortSql, type ReportFilters, SqlParams } from './report-filters.js';
import { msBetween, type Queryable, toCount } from './report-values.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Histogram buckets of cycle time, in a manager's units: under 1 h, 1–4 h, … 7 days and more. */
export const CYCLE_TIME_BUCKETS: { bucket: string; fromMs: number; toMs: number | null }[] = [
  { bucket: '<1h', fromMs: 0, toMs: HOUR },
  { bucket: '1h-4h', fromMs: HOUR, toMs: 4 * HOUR },
  { bucket: '4h-8h', fromMs: 4 * HOUR, toMs: 8 * HOUR },
  { bucket: '8h-1d', fromMs: 8 * HOUR, toMs: DAY },
  { bucket: '1d-2d', fromMs: DAY, toMs: 2 * DAY },
  { bucket: '2d-3d', fromMs: 2 * DAY, toMs: 3 * DAY },
  { bucket: '3d-7d', fromMs: 3 * DAY, toMs: 7 * DAY },
  { bucket: '>=7d', fromMs: 7 * DAY, toMs: null },
];

export interface CycleTimeRow {
  bucket: string;
  fromMs: number;
  toMs: number | null;
  tickets: number;
}

/**
 * How long completed tickets of the cohort took (created → closed), counted
 * into fixed buckets; every bucket is a row, empty ones too. Side effects: none.
 */
export async function cycleTimeReport(db: Queryable, filters: ReportFilters): Promise<CycleTimeRow[]> {
  const params = new SqlParams();
  const bounds = params.add(CYCLE_TIME_BUCKETS.slice(1).map((bucket) => bucket.fromMs));
  const rows = (await db.query(
    `SELECT width_bucket(${msBetween('t.closed_at', 't.created_at')}, ${bounds}::float8[]) AS bucket, count(*) AS n
       ${cohortSql(filters, params)} AND t.status = 'completed'
      GROUP BY 1`,
    params.values,
  )) as { bucket: number; n: string }[];
  const counts = new Map(rows.map((row) => [Number(row.bucket), toCount(row.n)]));
  return CYCLE_TIME_BUCKETS.map((bucket, index) => ({ ...bucket, tickets: counts.get(index) ?? 0 }));
}
