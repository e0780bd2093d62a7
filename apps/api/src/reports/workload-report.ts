import { cohortSql, type ReportFilters, SqlParams, taskGroupSql } from './report-filters.js';
import { type Queryable, toCount, toIso } from './report-values.js';

export interface WorkloadRow {
  username: string;
  displayName: string;
  roles: string[];
  /** Open tasks assigned to this person. */
  assigned: number;
  /** Of those, past their due time. */
  overdue: number;
  /** Since when the oldest of them has been open. */
  oldestSince: string | null;
  /** Open, unassigned tasks of their roles they could pick up (shared with the role's other members). */
  pool: number;
}

/**
 * Workload per person now: open tasks assigned to them, and the unassigned
 * open tasks of their roles (each counted once per member). Only people with
 * something to do are listed, most assigned first. The date range does not
 * apply. Side effects: none.
 */
export async function workloadReport(
  db: Queryable,
  filters: ReportFilters,
  now = new Date(),
): Promise<WorkloadRow[]> {
  const params = new SqlParams();
  const cohort = cohortSql({ ...filters, from: undefined, to: undefined }, params, {
    dates: 'none',
    join: `JOIN tasks tk ON tk.instance_id = i.id AND tk.status = 'open'`,
  });
  const group = taskGroupSql(filters, params);
  const at = params.add(now);
  const rows = (await db.query(
    `WITH open_tasks AS (SELECT tk.assignee_id, tk.candidate_role, tk.candidate_users, tk.due_at, tk.created_at ${cohort}${group}),
     assigned AS (
       SELECT assignee_id AS user_id, count(*) AS n, count(*) FILTER (WHERE due_at < ${at}) AS overdue, min(created_at) AS oldest
         FROM open_tasks WHERE assignee_id IS NOT NULL GROUP BY assignee_id),
     pools AS (SELECT candidate_role AS role, count(*) AS n FROM open_tasks WHERE assignee_id IS NULL AND candidate_role IS NOT NULL GROUP BY candidate_role),
     named AS (SELECT u AS user_id, count(*) AS n FROM open_tasks, unnest(candidate_users) AS u WHERE assignee_id IS NULL GROUP BY u)
     SELECT u.username, u.display_name, u.roles, a.n AS assigned, a.overdue, a.oldest,
            coalesce((SELECT sum(p.n) FROM pools p WHERE p.role = ANY(u.roles)), 0) + coalesce(nm.n, 0) AS pool
       FROM users u LEFT JOIN assigned a ON a.user_id = u.id LEFT JOIN named nm ON nm.user_id = u.id
      WHERE u.active AND (a.n IS NOT NULL OR nm.n IS NOT NULL OR EXISTS (SELECT 1 FROM pools p WHERE p.role = ANY(u.roles)))
      ORDER BY a.n DESC NULLS LAST, pool DESC, u.username`,
    params.values,
  )) as Record<string, unknown>[];
  return rows.map((row) => ({
    username: String(row.username),
    displayName: String(row.display_name),
    roles: (row.roles as string[] | null) ?? [],
    assigned: toCount(row.assigned),
    overdue: toCount(row.overdue),
    oldestSince: toIso(row.oldest),
    pool: toCount(row.pool),
  }));
}
