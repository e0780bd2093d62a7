import type { DefinitionDiff, WorkflowDefinition } from '@ticketflow/definition';

export type DiffStatus = 'added' | 'removed' | 'changed';

/** What the diff diagram draws: the newer definition plus what it removed, each element with its status. */
export interface DiffView {
  definition: WorkflowDefinition;
  nodes: ReadonlyMap<string, DiffStatus>;
  edges: ReadonlyMap<string, DiffStatus>;
}

/**
 * Merges both sides of a diff into one definition to draw: everything of
 * `after`, plus the nodes and edges `before` had and `after` removed (at their
 * old positions), with a status per changed element. Pure.
 */
export function diffView(
  before: WorkflowDefinition,
  after: WorkflowDefinition,
  diff: DefinitionDiff,
): DiffView {
  const nodes = new Map<string, DiffStatus>();
  const edges = new Map<string, DiffStatus>();
  for (const node of diff.nodes.added) nodes.set(node.id, 'added');
  for (const node of diff.nodes.removed) nodes.set(node.id, 'removed');
  for (const node of diff.nodes.changed) nodes.set(node.id, 'changed');
  for (const edge of diff.edges.added) edges.set(edge.id, 'added');
  for (const edge of diff.edges.removed) edges.set(edge.id, 'removed');
  for (const edge of diff.edges.changed) edges.set(edge.id, 'changed');
  const afterNodes = new Set(after.nodes.map((node) => node.id));
  const afterEdges = new Set(after.edges.map((edge) => edge.id));
  const definition: WorkflowDefinition = {
    ...after,
    nodes: [...after.nodes, ...before.nodes.filter((node) => !afterNodes.has(node.id))],
    edges: [...after.edges, ...before.edges.filter((edge) => !afterEdges.has(edge.id))],
  };
  return { definition, nodes, edges };
}
