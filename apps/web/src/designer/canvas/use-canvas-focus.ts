import { useEffect } from 'react';
import { useReactFlow } from '@xyflow/react';
import { useDesignerStore } from '../store/designer.store';
import type { CanvasNode } from './flow-adapter';

function centreOf(node: CanvasNode | undefined) {
  if (!node) return null;
  const w = node.measured?.width ?? 180;
  const h = node.measured?.height ?? 70;
  return { x: node.position.x + w / 2, y: node.position.y + h / 2 };
}

/** Centres the viewport on the node or edge the store asks for (a problem was clicked). */
export function useCanvasFocus(nodes: CanvasNode[]): void {
  const focus = useDesignerStore((s) => s.focus);
  const { setCenter, getZoom } = useReactFlow();

  useEffect(() => {
    if (!focus) return;
    const byId = new Map(nodes.map((n) => [n.id, n]));
    let target = focus.nodeId ? centreOf(byId.get(focus.nodeId)) : null;
    if (!target && focus.edgeId) {
      const edge = useDesignerStore.getState().definition.edges.find((e) => e.id === focus.edgeId);
      const a = centreOf(edge && byId.get(edge.source));
      const b = centreOf(edge && byId.get(edge.target));
      if (a && b) target = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
    }
    if (target) void setCenter(target.x, target.y, { zoom: Math.max(getZoom(), 1), duration: 300 });
    // Only a new focus request should move the viewport, not every node change.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a new focus request moves the viewport
  }, [focus]);
}
