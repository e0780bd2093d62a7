import { Graph, layout } from '@dagrejs/dagre';
import type { Position, WorkflowDefinition } from '@ticketflow/definition';

export const DEFAULT_NODE_SIZE = { width: 180, height: 72 };

/**
 * Left-to-right layered layout with dagre. Returns each node's new top-left
 * position (dagre works with centres); `sizes` are measured sizes where known.
 * Pure: the caller turns the result into a `layout.apply` command.
 */
export function computeLayout(
  definition: WorkflowDefinition,
  sizes: ReadonlyMap<string, { width: number; height: number }> = new Map(),
): Map<string, Position> {
  const g = new Graph();
  // Room between rows and columns for the outcome labels drawn on the edges.
  g.setGraph({ rankdir: 'LR', nodesep: 70, ranksep: 100, marginx: 20, marginy: 20 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const node of definition.nodes) g.setNode(node.id, { ...(sizes.get(node.id) ?? DEFAULT_NODE_SIZE) });
  for (const edge of definition.edges) {
    if (g.hasNode(edge.source) && g.hasNode(edge.target)) g.setEdge(edge.source, edge.target);
  }
  layout(g);
  const positions = new Map<string, Position>();
  for (const node of definition.nodes) {
    const placed = g.node(node.id) as { x: number; y: number; width: number; height: number };
    positions.set(node.id, { x: Math.round(placed.x - placed.width / 2), y: Math.round(placed.y - placed.height / 2) });
  }
  return positions;
}
