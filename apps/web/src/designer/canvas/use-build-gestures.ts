import { useCallback, useMemo, useState, type DragEvent } from 'react';
import { useReactFlow, type FinalConnectionState, type InternalNode, type Node } from '@xyflow/react';
import type { NodeType, Position } from '@ticketflow/definition';
import { useDesignerStore } from '../store/designer.store';
import { appendAfter, insertNewOnEdge } from '../store/build-actions';
import { createNode, nextId } from '../model/node-catalog';
import { freeSpot } from '../model/placement';
import { defaultNodeSize } from '../layout/elk-layout';
import { PALETTE_MIME } from '../palette/Palette';
import { measuredSizes } from './measure-flow';
import type { AppendActions } from './append-context';

/** The node picker while open: which exit it appends to, where it shows, where the node goes. */
export interface PickerState {
  from: { source: string; exit: string };
  at: { x: number; y: number };
  place?: Position;
}

/** The edge drawn under a screen point, if any (looks through the node being dragged). */
export function edgeAt(x: number, y: number): string | null {
  if (typeof document.elementsFromPoint !== 'function') return null;
  for (const el of document.elementsFromPoint(x, y)) {
    const holder = el.closest('[data-testid^="rf__edge-"], [data-testid^="edge-label-"]');
    const id = holder?.getAttribute('data-testid')?.replace(/^(rf__edge-|edge-label-)/, '');
    if (id) return id;
  }
  return null;
}

/**
 * The canvas' one-gesture building: the "+" picker, a connection dropped on empty
 * canvas (picker, then create and connect there), and palette drops — onto an
 * edge they insert the node into it. Every result is one named command.
 */
export function useBuildGestures() {
  const { screenToFlowPosition, getNodes } = useReactFlow();
  const definition = useDesignerStore((s) => s.definition);
  const [picker, setPicker] = useState<PickerState | null>(null);

  const takenExits = useMemo(
    () => new Set(definition.edges.map((e) => `${e.source}::${e.on ?? 'out'}`)),
    [definition.edges],
  );
  const appendActions = useMemo<AppendActions>(
    () => ({ takenExits, open: (from, at) => setPicker({ from, at }) }),
    [takenExits],
  );

  const pick = useCallback(
    (type: NodeType) => {
      if (!picker) return;
      appendAfter(picker.from, type, measuredSizes(getNodes()), picker.place);
      setPicker(null);
    },
    [picker, getNodes],
  );

  const onConnectEnd = useCallback(
    (event: MouseEvent | TouchEvent, state: FinalConnectionState<InternalNode<Node>>) => {
      if (state.isValid || state.toNode || !state.fromNode || state.fromHandle?.type !== 'source') return;
      const point = 'changedTouches' in event ? event.changedTouches[0]! : event;
      const target = event.target as Element | null;
      if (!target?.closest('.react-flow__pane')) return;
      setPicker({
        from: { source: state.fromNode.id, exit: state.fromHandle.id ?? 'out' },
        at: { x: point.clientX + 8, y: point.clientY - 12 },
        place: screenToFlowPosition({ x: point.clientX, y: point.clientY }),
      });
    },
    [screenToFlowPosition],
  );

  const onDrop = useCallback(
    (event: DragEvent) => {
      const type = event.dataTransfer.getData(PALETTE_MIME) as NodeType;
      if (!type) return;
      event.preventDefault();
      const size = defaultNodeSize({ id: '', type } as never);
      const at = screenToFlowPosition({ x: event.clientX, y: event.clientY });
      const topLeft = { x: Math.round(at.x - size.width / 2), y: Math.round(at.y - size.height / 2) };
      const edgeId = edgeAt(event.clientX, event.clientY);
      if (edgeId && insertNewOnEdge(edgeId, type, topLeft)) return;
      const { definition: def, dispatch, select } = useDesignerStore.getState();
      const node = createNode(
        type,
        nextId(def, type),
        freeSpot(def, topLeft, size, measuredSizes(getNodes())),
      );
      dispatch({ type: 'node.add', payload: { node } });
      select({ nodeIds: [node.id], edgeIds: [] });
    },
    [screenToFlowPosition, getNodes],
  );

  return { picker, setPicker, pick, appendActions, onConnectEnd, onDrop };
}
