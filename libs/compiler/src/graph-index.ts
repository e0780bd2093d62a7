import {
  isSplitType,
  type WorkflowDefinition,
  type WorkflowEdge,
  type WorkflowNode,
} from '@ticketflow/definition';
import { CompileError } from './compile-error.js';

/** Nodes by id and outgoing edges by source, both in definition order. */
export interface GraphIndex {
  nodes: Map<string, WorkflowNode>;
  outgoing: Map<string, WorkflowEdge[]>;
}

/**
 * Indexes a definition's graph; throws {@link CompileError} on duplicate node
 * ids and on edges that name a node that does not exist. Pure.
 */
export function indexGraph(definition: WorkflowDefinition): GraphIndex {
  const nodes = new Map<string, WorkflowNode>();
  const outgoing = new Map<string, WorkflowEdge[]>();
  for (const node of definition.nodes) {
    if (nodes.has(node.id)) throw new CompileError(`Two nodes share the id "${node.id}".`, node.id);
    nodes.set(node.id, node);
    outgoing.set(node.id, []);
  }
  const edgeIds = new Set<string>();
  for (const edge of definition.edges) {
    if (edgeIds.has(edge.id)) throw new CompileError(`Two edges share the id "${edge.id}".`);
    edgeIds.add(edge.id);
    if (!nodes.has(edge.source))
      throw new CompileError(`Edge "${edge.id}" starts at unknown node "${edge.source}".`);
    if (!nodes.has(edge.target))
      throw new CompileError(`Edge "${edge.id}" points to unknown node "${edge.target}".`);
    outgoing.get(edge.source)?.push(edge);
  }
  return { nodes, outgoing };
}

/**
 * The join where the branches of a parallel split meet, or null when its
 * branches end on their own. Nested splits are skipped over via their own
 * join. Throws {@link CompileError} when branches meet at different joins. Pure.
 */
export function findMatchingJoin(
  graph: GraphIndex,
  parallelId: string,
  inProgress = new Set<string>(),
): string | null {
  inProgress.add(parallelId);
  const joins = new Set<string>();
  for (const edge of graph.outgoing.get(parallelId) ?? []) {
    const join = firstJoinFrom(graph, edge.target, parallelId, inProgress);
    if (join !== null) joins.add(join);
  }
  inProgress.delete(parallelId);
  if (joins.size > 1) {
    throw new CompileError(
      `The branches of parallel split "${parallelId}" meet at different joins (${[...joins].join(', ')}); they must meet at one join.`,
      parallelId,
    );
  }
  return [...joins][0] ?? null;
}

function firstJoinFrom(
  graph: GraphIndex,
  head: string,
  parallelId: string,
  inProgress: Set<string>,
): string | null {
  const queue = [head];
  const seen = new Set<string>();
  while (queue.length > 0) {
    const id = queue.shift() as string;
    if (seen.has(id) || id === parallelId) continue;
    seen.add(id);
    const node = graph.nodes.get(id);
    if (!node) continue;
    if (node.type === 'join') return id;
    let next = id;
    if (isSplitType(node.type)) {
      if (inProgress.has(id)) continue;
      const nested = findMatchingJoin(graph, id, inProgress);
      if (nested === null) continue;
      next = nested;
    }
    for (const edge of graph.outgoing.get(next) ?? []) queue.push(edge.target);
  }
  return null;
}
