import type { Queryable } from './report-values.js';

export interface NodeLabel {
  name: string;
  type: string;
}

/**
 * Names and types of the nodes of each workflow, from its newest version (or
 * the version asked for), so report rows say "Finance approval", not "finance".
 * Side effects: none (one SELECT).
 */
export async function loadNodeLabels(db: Queryable, keys: string[], version?: number): Promise<Map<string, Map<string, NodeLabel>>> {
  const labels = new Map<string, Map<string, NodeLabel>>();
  if (keys.length === 0) return labels;
  const rows = (await db.query(
    `SELECT DISTINCT ON (key) key, definition->'nodes' AS nodes FROM workflow_versions
      WHERE key = ANY($1) AND ($2::int IS NULL OR version = $2) ORDER BY key, version DESC`,
    [keys, version ?? null],
  )) as { key: string; nodes: { id: string; name?: string; type: string }[] | null }[];
  for (const row of rows) {
    labels.set(row.key, new Map((row.nodes ?? []).map((node) => [node.id, { name: node.name ?? node.id, type: node.type }])));
  }
  return labels;
}

/** The label of a node, or its id when the definition no longer has it. Pure. */
export function labelOf(labels: Map<string, Map<string, NodeLabel>>, key: string, nodeId: string): NodeLabel {
  return labels.get(key)?.get(nodeId) ?? { name: nodeId, type: 'unknown' };
}
