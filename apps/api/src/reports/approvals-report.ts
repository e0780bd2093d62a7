import { cohortSql, type ReportFilters, SqlParams, taskGroupSql } from './report-filters.js';
import { msBetween, percentilesOf, percentilesSql, type Queryable, toCount, toMs } from './report-values.js';

/** Approvals addressed to named people rather than a role are grouped under this name. */
export const NAMED_APPROVERS = '(named)';

export interface ApprovalRow {
  /** The approval's role (group), or `(named)` for approvals addressed to people. */
  group: string;
  /** The approver's username; null on the row that totals the group. */
  approver: string | null;
  approverName: string | null;
  votes: number;
  approved: number;
  rejected: number;
  /** Vote time − the approval step's creation, ms. */
  p50Ms: number | null;
  p90Ms: number | null;
  avgMs: number | null;
}

/**
 * Approval turnaround per approver and per group: how long after an approval
 * step opened each vote came. One row per (group, approver), then a total row
 * per group (approver null); slowest p50 first within each. Side effects: none.
 */
export async function approvalsReport(db: Queryable, filters: ReportFilters): Promise<ApprovalRow[]> {
  const params = new SqlParams();
  const cohort = cohortSql(filters, params, {
    dates: 'created',
    join: `JOIN tasks tk ON tk.instance_id = i.id AND tk.kind = 'approval' JOIN approval_votes av ON av.task_id = tk.id JOIN users u ON u.id = av.user_id`,
  });
  const grp = `coalesce(tk.candidate_role, '${NAMED_APPROVERS}')`;
  const rows = (await db.query(
    `SELECT ${grp} AS grp, u.username, u.display_name,
            count(*) AS votes,
            count(*) FILTER (WHERE av.decision = 'approved') AS approved,
            count(*) FILTER (WHERE av.decision = 'rejected') AS rejected,
            ${percentilesSql(msBetween('av.at', 'tk.created_at'))}
       ${cohort}${taskGroupSql(filters, params)}
      GROUP BY GROUPING SETS ((${grp}, u.username, u.display_name), (${grp}))
      ORDER BY grp, (u.username IS NULL) DESC, u.username`,
    params.values,
  )) as Record<string, unknown>[];
  const result = rows.map((row): ApprovalRow => ({
    group: String(row.grp),
    approver: row.username === null ? null : String(row.username),
    approverName: row.display_name === null ? null : String(row.display_name),
    votes: toCount(row.votes),
    approved: toCount(row.approved),
    rejected: toCount(row.rejected),
    p50Ms: percentilesOf(row).p50,
    p90Ms: percentilesOf(row).p90,
    avgMs: toMs(row.avg),
  }));
  // Within a group: its total first, then the slowest approvers (stable: by username on ties).
  const rank = (row: ApprovalRow) => (row.approver === null ? Infinity : (row.p50Ms ?? -1));
  return result.sort((a, b) => a.group.localeCompare(b.group) || rank(b) - rank(a));
}
