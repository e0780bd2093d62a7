import { DateTime } from 'luxon';
import { invalid } from '../common/errors/domain-error.js';
import { cohortSql, type ReportFilters, SqlParams } from './report-filters.js';
import { type Queryable, toCount } from './report-values.js';

export interface TrendRow {
  /** Day in the organisation's time zone, YYYY-MM-DD. */
  day: string;
  created: number;
  completed: number;
  cancelled: number;
}

const DAY_MS = 86_400_000;
/** Longest range one trend covers (two years of days). */
export const MAX_TREND_DAYS = 731;
/** Range when none is given: the last 30 days up to today. */
export const DEFAULT_TREND_DAYS = 30;

/** The days the trend covers: the filter's range, or the last 30 days in the organisation's zone. Throws when it is too long. Pure. */
export function trendRange(filters: ReportFilters, now: Date): { from: Date; to: Date } {
  const endOfToday = DateTime.fromJSDate(now, { zone: filters.timeZone }).startOf('day').plus({ days: 1 });
  const to = filters.to ?? endOfToday.toJSDate();
  const from =
    filters.from ??
    DateTime.fromJSDate(to, { zone: filters.timeZone }).minus({ days: DEFAULT_TREND_DAYS }).toJSDate();
  if ((to.getTime() - from.getTime()) / DAY_MS > MAX_TREND_DAYS) {
    throw invalid('invalid-range', `A trend covers at most ${MAX_TREND_DAYS} days; narrow from/to.`, [
      { field: 'from', problems: ['range too long'] },
    ]);
  }
  return { from, to };
}

/**
 * Per day of the range, in the organisation's time zone: tickets created that day, and tickets completed /
 * cancelled that day (by when they closed, whenever they were created). Days
 * without tickets are rows of zeros. Side effects: none (one SELECT).
 */
export async function trendReport(
  db: Queryable,
  filters: ReportFilters,
  now = new Date(),
): Promise<TrendRow[]> {
  const range = trendRange(filters, now);
  const ranged = { ...filters, ...range };
  const params = new SqlParams();
  const created = cohortSql(ranged, params, { dates: 'created' });
  const closed = cohortSql(ranged, params, { dates: 'closed' });
  const from = params.add(range.from);
  const to = params.add(range.to);
  const zone = params.add(filters.timeZone);
  const rows = (await db.query(
    `WITH days AS (
       SELECT d::date AS day FROM generate_series(
         date_trunc('day', ${from}::timestamptz AT TIME ZONE ${zone}),
         date_trunc('day', (${to}::timestamptz - interval '1 microsecond') AT TIME ZONE ${zone}),
         interval '1 day') AS d),
     made AS (SELECT (t.created_at AT TIME ZONE ${zone})::date AS day, count(*) AS n ${created} GROUP BY 1),
     ended AS (SELECT (t.closed_at AT TIME ZONE ${zone})::date AS day,
                      count(*) FILTER (WHERE t.status = 'completed') AS completed,
                      count(*) FILTER (WHERE t.status = 'cancelled') AS cancelled ${closed} GROUP BY 1)
     SELECT to_char(days.day, 'YYYY-MM-DD') AS day, made.n AS created, ended.completed, ended.cancelled
       FROM days LEFT JOIN made ON made.day = days.day LEFT JOIN ended ON ended.day = days.day
      ORDER BY days.day`,
    params.values,
  )) as Record<string, unknown>[];
  return rows.map((row) => ({
    day: String(row.day),
    created: toCount(row.created),
    completed: toCount(row.completed),
    cancelled: toCount(row.cancelled),
  }));
}
