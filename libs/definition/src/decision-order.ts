import type { WorkflowEdge } from './definition.types.js';

/**
 * The order in which a decision tries its edges: condition edges with a `priority` first,
 * lowest number first; then condition edges without one, in the order they are listed;
 * the default edge last. Ties keep list order. The compiler and runtime must use this so
 * that validation's overlap warnings describe what really happens. Pure; returns a new array.
 */
export function orderDecisionEdges<T extends WorkflowEdge>(edges: readonly T[]): T[] {
  const rank = (edge: T): number => {
    if (edge.default === true) return Number.POSITIVE_INFINITY;
    return typeof edge.priority === 'number' && Number.isFinite(edge.priority)
      ? edge.priority
      : Number.MAX_VALUE;
  };
  return edges
    .map((edge, index) => ({ edge, index, rank: rank(edge) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map((entry) => entry.edge);
}
