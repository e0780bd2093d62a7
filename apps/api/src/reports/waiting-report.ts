import { cohortSql, type ReportFilters, SqlParams, taskGroupSql } from './report-filters.js';
import { labelOf, loadNodeLabels, versionRefsOf } from './node-labels.js';
import { msBetween, type Queryable, toCount, toIso, toMs } from './report-values.js';

export interface WaitingRow {
  workflowKey: string;
  /** The version the waiting tickets run on (rows are per version and node). */
  version: number;
  nodeId: string;
  nodeName: string;
  nodeType: string;
  /** Active tickets in the node now (open visits). */
  tickets: number;
  /** Open tasks / approvals of the node. */
  openTasks: number;
  /** Open tasks nobody has taken yet. */
  unassigned: number;
  /** Open tasks past their due time. */
  overdue: number;
  /** Since when the longest-waiting ticket has been there. */
  oldestSince: string | null;
  /** Median time the tickets there have waited so far, ms. */
  p50WaitingMs: number | null;
}

/**
 * Where tickets are waiting now: per node, the active tickets in it (open
 * visits; end nodes left out) and its open tasks. The date range does not
 * apply — this is the present. Most tickets first. Side effects: none.
 */
export async function waitingReport(
  db: Queryable,
  filters: ReportFilters,
  now = new Date(),
): Promise<WaitingRow[]> {
  const current = { ...filters, from: undefined, to: undefined };
  const visitParams = new SqlParams();
  const visitCohort = cohortSql(current, visitParams, {
    dates: 'none',
    join: 'JOIN node_visits nv ON nv.instance_id = i.id AND nv.left_at IS NULL',
  });
  const at = visitParams.add(now);
  const visits = (await db.query(
    `SELECT t.workflow_key, v.version, nv.node_id, count(*) AS tickets, min(nv.entered_at) AS oldest,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY ${msBetween(`${at}::timestamptz`, 'nv.entered_at')}) AS p50
       ${visitCohort} AND i.status IN ('active', 'incident')
      GROUP BY t.workflow_key, v.version, nv.node_id`,
    visitParams.values,
  )) as Record<string, unknown>[];
  const taskParams = new SqlParams();
  const taskCohort = cohortSql(current, taskParams, {
    dates: 'none',
    join: `JOIN tasks tk ON tk.instance_id = i.id AND tk.status = 'open'`,
  });
  const taskAt = taskParams.add(now);
  const tasks = (await db.query(
    `SELECT t.workflow_key, v.version, tk.node_id, count(*) AS open_tasks,
            count(*) FILTER (WHERE tk.assignee_id IS NULL) AS unassigned,
            count(*) FILTER (WHERE tk.due_at < ${taskAt}) AS overdue
       ${taskCohort}${taskGroupSql(current, taskParams)}
      GROUP BY t.workflow_key, v.version, tk.node_id`,
    taskParams.values,
  )) as Record<string, unknown>[];
  const labels = await loadNodeLabels(db, versionRefsOf([...visits, ...tasks]));
  const byNode = new Map<string, WaitingRow>();
  const rowFor = (source: Record<string, unknown>): WaitingRow => {
    const key = String(source.workflow_key);
    const version = Number(source.version);
    const nodeId = String(source.node_id);
    const id = `${key}\u0000${version}\u0000${nodeId}`;
    let row = byNode.get(id);
    if (!row) {
      const label = labelOf(labels, key, version, nodeId);
      row = {
        workflowKey: key,
        version,
        nodeId,
        nodeName: label.name,
        nodeType: label.type,
        tickets: 0,
        openTasks: 0,
        unassigned: 0,
        overdue: 0,
        oldestSince: null,
        p50WaitingMs: null,
      };
      byNode.set(id, row);
    }
    return row;
  };
  for (const visit of visits) {
    if (
      labelOf(labels, String(visit.workflow_key), Number(visit.version), String(visit.node_id)).type === 'end'
    )
      continue;
    Object.assign(rowFor(visit), {
      tickets: toCount(visit.tickets),
      oldestSince: toIso(visit.oldest),
      p50WaitingMs: toMs(visit.p50),
    });
  }
  for (const task of tasks) {
    Object.assign(rowFor(task), {
      openTasks: toCount(task.open_tasks),
      unassigned: toCount(task.unassigned),
      overdue: toCount(task.overdue),
    });
  }
  // With a group chosen, only the nodes where that group has open steps.
  const rows = [...byNode.values()].filter((row) => !filters.group || row.openTasks > 0);
  return rows.sort(
    (a, b) =>
      b.tickets - a.tickets ||
      b.openTasks - a.openTasks ||
      b.version - a.version ||
      a.nodeId.localeCompare(b.nodeId),
  );
}
