import { cohortSql, type ReportFilters, SqlParams } from '../reports/report-filters.js';
import { type Queryable, ratio, toCount, toNumber } from '../reports/report-values.js';

export const SATISFACTION_DIMENSIONS = ['all', 'workflow', 'agent', 'channel', 'period'] as const;

/** Survey figures for one value of one dimension (`all` is the total). */
export interface SatisfactionRow {
  dimension: (typeof SATISFACTION_DIMENSIONS)[number];
  /** Workflow key, agent username, channel, or month (`2026-03`, organisation's time zone); `''` for all / no agent. */
  key: string;
  /** The agent's display name; the key otherwise. */
  label: string;
  asked: number;
  answered: number;
  /** answered / asked. */
  responseRate: number | null;
  /** Mean rating of the answers, two decimals. */
  avgRating: number | null;
  rating1: number;
  rating2: number;
  rating3: number;
  rating4: number;
  rating5: number;
}

/**
 * Satisfaction by workflow, agent, channel and month: surveys asked (one per
 * resolved ticket) in [from, to) — by when they were asked, i.e. when the
 * ticket was resolved — of tickets matching the other filters; answers, the
 * response rate, the mean and the spread of ratings. One statement with
 * GROUPING SETS. Side effects: none.
 */
export async function satisfactionReport(db: Queryable, filters: ReportFilters): Promise<SatisfactionRow[]> {
  const params = new SqlParams();
  const cohort = cohortSql(filters, params, {
    dates: 'none',
    join: 'JOIN satisfaction_surveys s ON s.ticket_id = t.id',
  });
  const range = [
    filters.from ? ` AND s.asked_at >= ${params.add(filters.from)}` : '',
    filters.to ? ` AND s.asked_at < ${params.add(filters.to)}` : '',
  ].join('');
  const zone = params.add(filters.timeZone);
  const rows = (await db.query(
    `WITH surveys AS (
       SELECT s.rating, s.responded_at, t.workflow_key, t.channel, s.agent_id,
              to_char(s.asked_at AT TIME ZONE ${zone}, 'YYYY-MM') AS period ${cohort}${range})
     SELECT CASE WHEN GROUPING(workflow_key) = 0 THEN 'workflow' WHEN GROUPING(agent_id) = 0 THEN 'agent'
                 WHEN GROUPING(channel) = 0 THEN 'channel' WHEN GROUPING(period) = 0 THEN 'period' ELSE 'all' END AS dimension,
            coalesce(workflow_key, channel, period, (SELECT username FROM users WHERE id = agent_id), '') AS key,
            coalesce((SELECT display_name FROM users WHERE id = agent_id), workflow_key, channel, period, '') AS label,
            count(*) AS asked, count(responded_at) AS answered, round(avg(rating), 2) AS avg_rating,
            count(*) FILTER (WHERE rating = 1) AS r1, count(*) FILTER (WHERE rating = 2) AS r2, count(*) FILTER (WHERE rating = 3) AS r3,
            count(*) FILTER (WHERE rating = 4) AS r4, count(*) FILTER (WHERE rating = 5) AS r5
       FROM surveys
      GROUP BY GROUPING SETS ((), (workflow_key), (agent_id), (channel), (period))
      ORDER BY 1, 2`,
    params.values,
  )) as Record<string, unknown>[];
  const order = (row: SatisfactionRow) => SATISFACTION_DIMENSIONS.indexOf(row.dimension);
  return rows
    .map((row) => {
      const asked = toCount(row.asked);
      const answered = toCount(row.answered);
      return {
        dimension: row.dimension as SatisfactionRow['dimension'],
        key: String(row.key),
        label: String(row.label),
        asked,
        answered,
        responseRate: ratio(answered, asked),
        avgRating: toNumber(row.avg_rating),
        rating1: toCount(row.r1),
        rating2: toCount(row.r2),
        rating3: toCount(row.r3),
        rating4: toCount(row.r4),
        rating5: toCount(row.r5),
      };
    })
    .sort((a, b) => order(a) - order(b) || a.key.localeCompare(b.key));
}
