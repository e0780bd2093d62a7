import type { WorkflowDefinition, WorkflowEdge, WorkflowNode } from '@ticketflow/definition';
import type { Command } from './command.types';
import { putBack, takeOut, withoutIds } from './definition-edits';
import { exitsOf, leavesByOutcome, nextId } from '../model/node-catalog';

/**
 * `node.append`: adds a node and the edge that leads to it from an exit of an
 * existing node, as one undoable step (the "+" on a handle, a connection
 * dropped on empty canvas, a palette double-click next to the selection). Pure factory.
 */
export function appendNode(
  definition: WorkflowDefinition,
  node: WorkflowNode,
  from: { source: string; exit: string },
): Command {
  const source = definition.nodes.find((n) => n.id === from.source);
  const edge: WorkflowEdge = {
    id: nextId(definition, 'e', new Set([node.id])),
    source: from.source,
    target: node.id,
  };
  if (source && leavesByOutcome(source)) edge.on = from.exit;
  const nodeIds = new Set([node.id]);
  const edgeIds = new Set([edge.id]);
  return {
    type: 'node.append',
    do: (def) => ({ ...def, nodes: [...def.nodes, node], edges: [...def.edges, edge] }),
    undo: (def) => ({ ...def, nodes: withoutIds(def.nodes, nodeIds), edges: withoutIds(def.edges, edgeIds) }),
  };
}

/**
 * `node.insert`: puts `node` (new, or one without edges) on an edge: the edge now
 * ends at the node — keeping its outcome, condition and priority — and a new edge
 * leaves the node's first exit for the old target. `isNew` says whether undo takes
 * the node away too. Null when the node has no way out (an end). Pure factory.
 */
export function insertOnEdge(
  definition: WorkflowDefinition,
  edgeId: string,
  node: WorkflowNode,
  isNew: boolean,
): Command | null {
  const edge = definition.edges.find((e) => e.id === edgeId);
  const exit = exitsOf(node)[0];
  if (!edge || !exit || node.type === 'start' || edge.source === node.id || edge.target === node.id)
    return null;
  const into: WorkflowEdge = { ...edge, target: node.id };
  const onward: WorkflowEdge = {
    id: nextId(definition, 'e', new Set([node.id])),
    source: node.id,
    target: edge.target,
  };
  if (leavesByOutcome(node)) onward.on = exit;
  const removed = takeOut(definition.edges, new Set([edgeId])).removed;
  const nodeIds = new Set([node.id]);
  return {
    type: 'node.insert',
    do: (def) => ({
      ...def,
      nodes: isNew ? [...def.nodes, node] : def.nodes,
      edges: [...def.edges.map((e) => (e.id === edgeId ? into : e)), onward],
    }),
    undo: (def) => ({
      ...def,
      nodes: isNew ? withoutIds(def.nodes, nodeIds) : def.nodes,
      edges: putBack(withoutIds(def.edges, new Set([edgeId, onward.id])), removed),
    }),
  };
}
