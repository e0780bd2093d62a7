import type { Queryable } from './report-values.js';

export interface NodeLabel {
  name: string;
  type: string;
}

/** Node labels per published version: `key@version` → node id → label. */
export type NodeLabels = Map<string, Map<string, NodeLabel>>;

/** One version of one workflow. */
export interface VersionRef {
  workflowKey: string;
  version: number;
}

const refId = (workflowKey: string, version: number) => `${workflowKey}@${version}`;

/**
 * Names and types of the nodes of each version the report rows come from, so
 * a row says "Finance approval", not "finance" — and says what the node was
 * called in *that* version: a node id reused by a later version for another
 * step does not rename the older rows. Side effects: none (one SELECT).
 */
export async function loadNodeLabels(db: Queryable, refs: readonly VersionRef[]): Promise<NodeLabels> {
  const labels: NodeLabels = new Map();
  const unique = [...new Map(refs.map((ref) => [refId(ref.workflowKey, ref.version), ref])).values()];
  if (unique.length === 0) return labels;
  const rows = (await db.query(
    `SELECT v.key, v.version, v.definition->'nodes' AS nodes
       FROM workflow_versions v JOIN unnest($1::text[], $2::int[]) AS wanted(key, version)
         ON wanted.key = v.key AND wanted.version = v.version`,
    [unique.map((ref) => ref.workflowKey), unique.map((ref) => ref.version)],
  )) as { key: string; version: number; nodes: { id: string; name?: string; type: string }[] | null }[];
  for (const row of rows) {
    labels.set(
      refId(row.key, Number(row.version)),
      new Map((row.nodes ?? []).map((node) => [node.id, { name: node.name ?? node.id, type: node.type }])),
    );
  }
  return labels;
}

/** The version rows of a query result (`workflow_key`, `version` columns). Pure. */
export function versionRefsOf(rows: readonly Record<string, unknown>[]): VersionRef[] {
  return rows.map((row) => ({ workflowKey: String(row.workflow_key), version: Number(row.version) }));
}

/** The label of a node in one version, or its id when that version does not have it. Pure. */
export function labelOf(labels: NodeLabels, key: string, version: number, nodeId: string): NodeLabel {
  return labels.get(refId(key, version))?.get(nodeId) ?? { name: nodeId, type: 'unknown' };
}
