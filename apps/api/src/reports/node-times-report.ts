import { cohortSql, type ReportFilters, SqlParams } from './report-filters.js';
import { labelOf, loadNodeLabels, versionRefsOf } from './node-labels.js';
import { percentilesOf, percentilesSql, type Queryable, toCount, toMs, toNumber } from './report-values.js';

export interface NodeTimeRow {
  workflowKey: string;
  /** The version the tickets ran on: rows are per (version, node), so a node id reused by another version is another row. */
  version: number;
  nodeId: string;
  nodeName: string;
  nodeType: string;
  /** Finished visits (entered and left). */
  visits: number;
  /** Tickets that entered the node at least once (each has exactly one first visit). */
  tickets: number;
  /** Time between entering and leaving, per finished visit, ms. */
  p50Ms: number | null;
  p90Ms: number | null;
  avgMs: number | null;
  maxMs: number | null;
  /** Visits still open on active tickets (they are there now). */
  inProgress: number;
  /** Tickets that entered the node more than once (a rework loop). */
  reworkTickets: number;
  /** Most entries of the node by one ticket. */
  maxVisits: number;
}

/**
 * Time spent in each node of each version by the cohort's tickets, from the
 * `node_visits` rollup (one row per entry, so parallel branches and loops are
 * measured per visit), slowest p50 first. A ticket counts under the version it
 * runs on. Side effects: none.
 */
export async function nodeTimesReport(db: Queryable, filters: ReportFilters): Promise<NodeTimeRow[]> {
  const params = new SqlParams();
  const rows = (await db.query(
    `SELECT t.workflow_key, v.version, nv.node_id,
            count(*) FILTER (WHERE nv.left_at IS NOT NULL) AS visits,
            count(*) FILTER (WHERE nv.visit = 1) AS tickets,
            ${percentilesSql('nv.duration_ms')},
            max(nv.duration_ms) AS max,
            count(*) FILTER (WHERE nv.left_at IS NULL AND i.status IN ('active', 'incident')) AS in_progress,
            count(*) FILTER (WHERE nv.visit = 2) AS rework_tickets,
            max(nv.visit) AS max_visits
       ${cohortSql(filters, params, { dates: 'created', join: 'JOIN node_visits nv ON nv.instance_id = i.id' })}
      GROUP BY t.workflow_key, v.version, nv.node_id`,
    params.values,
  )) as Record<string, unknown>[];
  const labels = await loadNodeLabels(db, versionRefsOf(rows));
  const result = rows.map((row): NodeTimeRow => {
    const key = String(row.workflow_key);
    const version = Number(row.version);
    const nodeId = String(row.node_id);
    const label = labelOf(labels, key, version, nodeId);
    const { p50, p90 } = percentilesOf(row);
    return {
      workflowKey: key,
      version,
      nodeId,
      nodeName: label.name,
      nodeType: label.type,
      visits: toCount(row.visits),
      tickets: toCount(row.tickets),
      p50Ms: p50,
      p90Ms: p90,
      avgMs: toMs(row.avg),
      maxMs: toMs(row.max),
      inProgress: toCount(row.in_progress),
      reworkTickets: toCount(row.rework_tickets),
      maxVisits: toNumber(row.max_visits) ?? 0,
    };
  });
  const slowest = (row: NodeTimeRow) => row.p50Ms ?? -1;
  return result.sort(
    (a, b) =>
      slowest(b) - slowest(a) ||
      a.workflowKey.localeCompare(b.workflowKey) ||
      b.version - a.version ||
      a.nodeId.localeCompare(b.nodeId),
  );
}
