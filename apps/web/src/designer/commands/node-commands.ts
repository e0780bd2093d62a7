import type { Position, WorkflowDefinition, WorkflowNode } from '@ticketflow/definition';
import type { Command } from './command.types';
import { putBack, replaceNodes, takeOut, withoutIds } from './definition-edits';

/** `node.add`: appends a node. Pure factory. */
export function addNode(node: WorkflowNode): Command {
  const ids = new Set([node.id]);
  return {
    type: 'node.add',
    do: (def) => ({ ...def, nodes: [...def.nodes, node] }),
    undo: (def) => ({ ...def, nodes: withoutIds(def.nodes, ids) }),
  };
}

export interface NodeMove {
  id: string;
  from: Position | undefined;
  to: Position;
}

/** `node.move`: sets positions of one or more nodes (a drag of a multi-selection is one move). */
export function moveNodes(moves: NodeMove[]): Command {
  const apply = (def: WorkflowDefinition, pick: (m: NodeMove) => Position | undefined) => {
    const byId = new Map<string, WorkflowNode>();
    const moveById = new Map(moves.map((m) => [m.id, m]));
    for (const node of def.nodes) {
      const move = moveById.get(node.id);
      if (!move) continue;
      const position = pick(move);
      const { position: _old, ...rest } = node;
      byId.set(node.id, (position ? { ...rest, position } : rest) as WorkflowNode);
    }
    return replaceNodes(def, byId);
  };
  return {
    type: 'node.move',
    do: (def) => apply(def, (m) => m.to),
    undo: (def) => apply(def, (m) => m.from),
  };
}

/**
 * `node.update`: replaces a node's properties (same id). `mergeKey` lets a run of
 * keystrokes in one input become one undo step.
 */
export function updateNode(before: WorkflowNode, after: WorkflowNode, mergeKey?: string): Command {
  return {
    type: 'node.update',
    mergeKey,
    do: (def) => replaceNodes(def, new Map([[after.id, after]])),
    undo: (def) => replaceNodes(def, new Map([[before.id, before]])),
  };
}

/**
 * `node.remove`: removes nodes, the edges touching them and any extra edges named,
 * remembering their places so undo restores the exact definition. Pure factory.
 */
export function removeNodes(
  current: WorkflowDefinition,
  nodeIds: string[],
  extraEdgeIds: string[] = [],
): Command {
  const nodeSet = new Set(nodeIds);
  const edgeSet = new Set(extraEdgeIds);
  for (const e of current.edges) if (nodeSet.has(e.source) || nodeSet.has(e.target)) edgeSet.add(e.id);
  const nodesOut = takeOut(current.nodes, nodeSet).removed;
  const edgesOut = takeOut(current.edges, edgeSet).removed;
  return {
    type: 'node.remove',
    do: (def) => ({ ...def, nodes: withoutIds(def.nodes, nodeSet), edges: withoutIds(def.edges, edgeSet) }),
    undo: (def) => ({ ...def, nodes: putBack(def.nodes, nodesOut), edges: putBack(def.edges, edgesOut) }),
  };
}
