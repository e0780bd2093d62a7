import type { NodeType, Position, WorkflowNode } from '@ticketflow/definition';
import { createNode, exitsOf, nextId } from '../model/node-catalog';
import { besideSource, freeSpot } from '../model/placement';
import { defaultNodeSize, type Size } from '../layout/elk-layout';
import { insertOnEdge } from '../commands/build-commands';
import { useDesignerStore } from './designer.store';

/**
 * One-gesture building: each function reads the store, builds one named command
 * (node.append, node.insert, node.add) and executes it, then selects the new
 * node so its properties are ready to edit. Side effect: store update.
 */

/** A new node of `type`, with defaults that fit the exit it follows (an end after "rejected" ends as rejected). */
function freshNode(type: NodeType, at: Position, exit?: string): WorkflowNode {
  const { definition } = useDesignerStore.getState();
  const node = createNode(type, nextId(definition, type), at);
  if (node.type === 'end' && exit && exit !== 'out' && exit !== 'approved' && exit !== 'completed') {
    node.outcome = exit;
    node.name = exit.charAt(0).toUpperCase() + exit.slice(1);
  }
  return node;
}

/**
 * Appends a `type` node after `from` and connects it. Without `place` it goes one
 * column right of the source, level with the exit, moved down until it overlaps
 * nothing; with `place` (where a connection was dropped) it is centred there.
 */
export function appendAfter(
  from: { source: string; exit: string },
  type: NodeType,
  sizes: ReadonlyMap<string, Size>,
  place?: Position,
): string | null {
  const { definition, dispatch, select } = useDesignerStore.getState();
  const source = definition.nodes.find((n) => n.id === from.source);
  if (!source) return null;
  const size = defaultNodeSize({ id: '', type } as WorkflowNode);
  let wanted: Position;
  if (place) wanted = { x: place.x, y: place.y - size.height / 2 };
  else {
    const sourceSize = sizes.get(source.id) ?? defaultNodeSize(source);
    const exits = exitsOf(source);
    const index = Math.max(0, exits.indexOf(from.exit));
    wanted = besideSource(
      source.position ?? { x: 0, y: 0 },
      sourceSize,
      ((index + 0.5) * sourceSize.height) / exits.length,
      size,
    );
  }
  const node = freshNode(type, freeSpot(definition, wanted, size, sizes), from.exit);
  dispatch({ type: 'node.append', payload: { node, from } });
  select({ nodeIds: [node.id], edgeIds: [] });
  return node.id;
}

/**
 * Drops a new `type` node at `at` onto edge `edgeId`: the edge now runs through
 * it, and the nodes from there on move right to make room (one undo step).
 */
export function insertNewOnEdge(edgeId: string, type: NodeType, at: Position): string | null {
  const { definition, dispatch, select } = useDesignerStore.getState();
  const source = definition.edges.find((e) => e.id === edgeId)?.source;
  const from = definition.nodes.find((n) => n.id === source);
  // Never closer to the source than a column gap, so its exits and "+" stay clear.
  const minX = from?.position ? from.position.x + defaultNodeSize(from).width + 80 : at.x;
  const node = freshNode(type, { x: Math.max(at.x, minX), y: at.y });
  if (!insertOnEdge(definition, edgeId, node, true)) return null;
  const insert = { type: 'node.insert', payload: { edgeId, node, isNew: true } } as const;
  const room = defaultNodeSize(node).width + 64;
  const moves = definition.nodes
    .filter((n) => n.id !== source && n.position && n.position.x + 40 >= at.x && n.id !== node.id)
    .map((n) => ({ id: n.id, to: { x: n.position!.x + room, y: n.position!.y } }));
  dispatch(
    moves.length
      ? {
          type: 'batch',
          payload: { as: 'node.insert', commands: [insert, { type: 'node.move', payload: { moves } }] },
        }
      : insert,
  );
  select({ nodeIds: [node.id], edgeIds: [] });
  return node.id;
}

/** Puts an existing node that has no edges yet onto edge `edgeId`. False if it cannot go there. */
export function insertExistingOnEdge(edgeId: string, nodeId: string): boolean {
  const { definition, dispatch } = useDesignerStore.getState();
  const node = definition.nodes.find((n) => n.id === nodeId);
  if (!node || definition.edges.some((e) => e.source === nodeId || e.target === nodeId)) return false;
  if (!insertOnEdge(definition, edgeId, node, false)) return false;
  dispatch({ type: 'node.insert', payload: { edgeId, node, isNew: false } });
  return true;
}

/**
 * A palette double-click (or Enter): with one node selected the new node goes
 * beside it, connected from its first free exit when it has one; otherwise at
 * `fallback` (the middle of the view). Never on top of another node.
 */
export function addFromPalette(type: NodeType, fallback: Position, sizes: ReadonlyMap<string, Size>): string {
  const { definition, selection, dispatch, select } = useDesignerStore.getState();
  const selected =
    selection.nodeIds.length === 1 ? definition.nodes.find((n) => n.id === selection.nodeIds[0]) : undefined;
  if (selected && selected.type !== 'end') {
    const taken = new Set(definition.edges.filter((e) => e.source === selected.id).map((e) => e.on ?? 'out'));
    const exits = exitsOf(selected);
    const free =
      selected.type === 'decision' || selected.type === 'parallel' || selected.type === 'inclusive'
        ? exits[0]
        : exits.find((x) => !taken.has(x));
    if (free) return appendAfter({ source: selected.id, exit: free }, type, sizes) ?? '';
  }
  const size = defaultNodeSize({ id: '', type } as WorkflowNode);
  const near = selected?.position
    ? besideSource(
        selected.position,
        sizes.get(selected.id) ?? defaultNodeSize(selected),
        (sizes.get(selected.id) ?? defaultNodeSize(selected)).height / 2,
        size,
      )
    : { x: fallback.x - size.width / 2, y: fallback.y - size.height / 2 };
  const node = freshNode(type, freeSpot(definition, near, size, sizes));
  dispatch({ type: 'node.add', payload: { node } });
  select({ nodeIds: [node.id], edgeIds: [] });
  return node.id;
}
