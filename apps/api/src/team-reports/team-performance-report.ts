import { cohortSql, type ReportFilters, SqlParams } from '../reports/report-filters.js';
import { msBetween, type Queryable, ratio, toCount, toMs, toNumber } from '../reports/report-values.js';
import type { TeamScope } from './team-scope.js';

/** One agent's or one group's figures over the steps completed in the range. */
export interface TeamPerformanceRow {
  scope: 'agent' | 'group';
  /** Username, or the group (the role the steps were for; `(named)` for steps addressed to people). */
  key: string;
  name: string;
  /** Tickets in which they completed at least one step. */
  ticketsHandled: number;
  stepsCompleted: number;
  /** Median of (completed − opened) over those steps, ms. */
  medianHandlingMs: number | null;
  /** Steps with a due time, and those done by it. */
  slaSteps: number;
  slaMet: number;
  slaCompliance: number | null;
  /** Steps whose node the ticket entered again after they were completed (the work came back). */
  reopenedSteps: number;
  reopenRate: number | null;
  /** Answered surveys about them (agents) or about tickets with their steps (groups), and the mean rating. */
  ratings: number;
  avgRating: number | null;
}

/**
 * Team performance per agent and per group: the steps completed in
 * [from, to) (by completion time) of tickets matching the other filters,
 * by whoever completed them, within the caller's scope (a manager's team).
 * Group rows count only the steps of people in scope. Side effects: none.
 */
export async function teamPerformanceReport(
  db: Queryable,
  filters: ReportFilters,
  scope: TeamScope,
): Promise<TeamPerformanceRow[]> {
  if (scope.userIds !== null && scope.userIds.length === 0) return [];
  const params = new SqlParams();
  const cohort = cohortSql({ ...filters, group: undefined }, params, {
    dates: 'none',
    join: 'JOIN tasks tk ON tk.instance_id = i.id AND tk.completed_by IS NOT NULL AND tk.completed_at IS NOT NULL',
  });
  const where = [
    filters.from ? `tk.completed_at >= ${params.add(filters.from)}` : '',
    filters.to ? `tk.completed_at < ${params.add(filters.to)}` : '',
    filters.group ? `tk.candidate_role = ${params.add(filters.group)}` : '',
    scope.userIds ? `tk.completed_by = ANY(${params.add(scope.userIds)}::uuid[])` : '',
    scope.groups
      ? `(tk.candidate_role IS NULL OR tk.candidate_role = ANY(${params.add(scope.groups)}::text[]))`
      : '',
  ].filter((part) => part !== '');
  const rows = (await db.query(
    `WITH steps AS (
       SELECT tk.ticket_id, tk.completed_by AS agent_id, coalesce(tk.candidate_role, '(named)') AS grp,
              ${msBetween('tk.completed_at', 'tk.created_at')} AS handling_ms, tk.due_at, tk.completed_at,
              EXISTS (SELECT 1 FROM node_visits nv WHERE nv.instance_id = tk.instance_id AND nv.node_id = tk.node_id AND nv.visit > 1 AND nv.entered_at > tk.completed_at) AS reopened
         ${cohort}${where.length ? ` AND ${where.join(' AND ')}` : ''}),
     rated AS (
       SELECT s.ticket_id, s.agent_id, s.rating FROM satisfaction_surveys s
        WHERE s.rating IS NOT NULL AND s.ticket_id IN (SELECT ticket_id FROM steps))
     SELECT CASE WHEN GROUPING(agent_id) = 0 THEN 'agent' ELSE 'group' END AS scope,
            coalesce((SELECT username FROM users WHERE id = agent_id), grp) AS key,
            coalesce((SELECT display_name FROM users WHERE id = agent_id), grp) AS name,
            count(DISTINCT ticket_id) AS tickets, count(*) AS steps,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY handling_ms) AS median_ms,
            count(*) FILTER (WHERE due_at IS NOT NULL) AS sla_steps,
            count(*) FILTER (WHERE due_at IS NOT NULL AND completed_at <= due_at) AS sla_met,
            count(*) FILTER (WHERE reopened) AS reopened,
            CASE WHEN GROUPING(agent_id) = 0
                 THEN (SELECT count(*) FROM rated r WHERE r.agent_id = steps.agent_id)
                 ELSE (SELECT count(*) FROM rated r WHERE r.ticket_id IN (SELECT s2.ticket_id FROM steps s2 WHERE s2.grp = steps.grp)) END AS ratings,
            CASE WHEN GROUPING(agent_id) = 0
                 THEN (SELECT round(avg(rating), 2) FROM rated r WHERE r.agent_id = steps.agent_id)
                 ELSE (SELECT round(avg(rating), 2) FROM rated r WHERE r.ticket_id IN (SELECT s2.ticket_id FROM steps s2 WHERE s2.grp = steps.grp)) END AS avg_rating
       FROM steps
      GROUP BY GROUPING SETS ((agent_id), (grp))
      ORDER BY 1, 2`,
    params.values,
  )) as Record<string, unknown>[];
  return rows.map((row) => {
    const steps = toCount(row.steps);
    const slaSteps = toCount(row.sla_steps);
    const slaMet = toCount(row.sla_met);
    const reopened = toCount(row.reopened);
    return {
      scope: row.scope as TeamPerformanceRow['scope'],
      key: String(row.key),
      name: String(row.name),
      ticketsHandled: toCount(row.tickets),
      stepsCompleted: steps,
      medianHandlingMs: toMs(row.median_ms),
      slaSteps,
      slaMet,
      slaCompliance: ratio(slaMet, slaSteps),
      reopenedSteps: reopened,
      reopenRate: ratio(reopened, steps),
      ratings: toCount(row.ratings),
      avgRating: toNumber(row.avg_rating),
    };
  });
}
