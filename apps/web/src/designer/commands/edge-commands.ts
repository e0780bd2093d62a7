import type { WorkflowDefinition, WorkflowEdge } from '@ticketflow/definition';
import type { Command } from './command.types';
import { putBack, replaceEdges, takeOut, withoutIds } from './definition-edits';

/** `edge.connect`: adds an edge (check it with `canConnect` first). Pure factory. */
export function connectEdge(edge: WorkflowEdge): Command {
  const ids = new Set([edge.id]);
  return {
    type: 'edge.connect',
    do: (def) => ({ ...def, edges: [...def.edges, edge] }),
    undo: (def) => ({ ...def, edges: withoutIds(def.edges, ids) }),
  };
}

/** `edge.update`: replaces an edge (condition, default, outcome, label, priority, ends). */
export function updateEdge(before: WorkflowEdge, after: WorkflowEdge, mergeKey?: string): Command {
  return {
    type: 'edge.update',
    mergeKey,
    do: (def) => replaceEdges(def, new Map([[after.id, after]])),
    undo: (def) => replaceEdges(def, new Map([[before.id, before]])),
  };
}

/** `edge.remove`: removes edges, remembering their places for undo. Pure factory. */
export function removeEdges(current: WorkflowDefinition, edgeIds: string[]): Command {
  const ids = new Set(edgeIds);
  const removed = takeOut(current.edges, ids).removed;
  return {
    type: 'edge.remove',
    do: (def) => ({ ...def, edges: withoutIds(def.edges, ids) }),
    undo: (def) => ({ ...def, edges: putBack(def.edges, removed) }),
  };
}
