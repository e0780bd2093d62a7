import { useCallback } from 'react';
import { getNodesBounds, useReactFlow, useStore, type Node, type Rect, type Viewport } from '@xyflow/react';

/** The smallest text on a node is 13 px: below this zoom it would be under 12 px on screen. */
export const READABLE_ZOOM = 12 / 13;
const PADDING = 32;

/**
 * The viewport that shows `bounds` in a pane of the given size: the whole flow,
 * centred, zoomed in up to 100 % when it fits at a readable zoom; otherwise
 * the readable zoom with `focus` (the start, or the steps a ticket waits at) at
 * the left middle, the rest a pan or a minimap click away. Pure.
 */
export function readableViewport(
  bounds: Rect,
  focus: Rect | null,
  pane: { width: number; height: number },
): Viewport {
  const fit = Math.min(
    (pane.width - 2 * PADDING) / Math.max(bounds.width, 1),
    (pane.height - 2 * PADDING) / Math.max(bounds.height, 1),
  );
  if (fit >= READABLE_ZOOM) {
    const zoom = Math.min(fit, 1);
    return {
      zoom,
      x: (pane.width - bounds.width * zoom) / 2 - bounds.x * zoom,
      y: (pane.height - bounds.height * zoom) / 2 - bounds.y * zoom,
    };
  }
  const zoom = READABLE_ZOOM;
  const target = focus ?? bounds;
  const x =
    focus && focus.x - bounds.x > pane.width / zoom / 2
      ? pane.width / 3 - target.x * zoom
      : PADDING - bounds.x * zoom;
  const fitsTall = bounds.height * zoom <= pane.height - 2 * PADDING;
  const y = fitsTall
    ? (pane.height - bounds.height * zoom) / 2 - bounds.y * zoom
    : pane.height / 2 - (target.y + target.height / 2) * zoom;
  return { zoom, x, y };
}

/**
 * A "fit" that keeps text readable (see readableViewport). `focusIds` are the
 * nodes to show first when the flow is too big (default: the start nodes).
 * Side effect of the returned function: moves the viewport.
 */
export function useReadableFit(): (options?: { duration?: number; focusIds?: readonly string[] }) => void {
  const { getNodes, setViewport } = useReactFlow();
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  return useCallback(
    (options = {}) => {
      const nodes = getNodes();
      if (nodes.length === 0 || !width || !height) return;
      const wanted = options.focusIds?.length ? new Set(options.focusIds) : null;
      const focusNodes = nodes.filter((n: Node) => (wanted ? wanted.has(n.id) : n.type === 'start'));
      const viewport = readableViewport(
        getNodesBounds(nodes),
        focusNodes.length ? getNodesBounds(focusNodes) : null,
        { width, height },
      );
      void setViewport(viewport, options.duration ? { duration: options.duration } : undefined);
    },
    [getNodes, setViewport, width, height],
  );
}
