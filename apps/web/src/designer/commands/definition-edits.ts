import type { WorkflowDefinition, WorkflowEdge, WorkflowNode } from '@ticketflow/definition';

/**
 * Small immutable edits the commands are built from. Each returns a new definition
 * and keeps every untouched node/edge object as it was. Pure.
 */
export function replaceNodes(def: WorkflowDefinition, byId: Map<string, WorkflowNode>): WorkflowDefinition {
  return { ...def, nodes: def.nodes.map((n) => byId.get(n.id) ?? n) };
}

export function replaceEdges(def: WorkflowDefinition, byId: Map<string, WorkflowEdge>): WorkflowDefinition {
  return { ...def, edges: def.edges.map((e) => byId.get(e.id) ?? e) };
}

export interface Indexed<T> {
  index: number;
  item: T;
}

/** Removes the items whose ids are given and returns them with their old indices. */
export function takeOut<T extends { id: string }>(
  items: T[],
  ids: Set<string>,
): { kept: T[]; removed: Indexed<T>[] } {
  const kept: T[] = [];
  const removed: Indexed<T>[] = [];
  items.forEach((item, index) => (ids.has(item.id) ? removed.push({ index, item }) : kept.push(item)));
  return { kept, removed };
}

/** Puts removed items back at their old indices (the inverse of takeOut). */
export function putBack<T>(items: T[], removed: Indexed<T>[]): T[] {
  const result = [...items];
  for (const { index, item } of [...removed].sort((a, b) => a.index - b.index)) result.splice(index, 0, item);
  return result;
}

export function withoutIds<T extends { id: string }>(items: T[], ids: Set<string>): T[] {
  return items.filter((item) => !ids.has(item.id));
}
