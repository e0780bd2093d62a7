import type { Node } from '@xyflow/react';
import type { Size } from '../layout/elk-layout';
import { labelSize } from '../layout/label-size';

/** The sizes React Flow measured for the nodes that have one. Pure. */
export function measuredSizes(nodes: readonly Node[]): Map<string, Size> {
  const sizes = new Map<string, Size>();
  for (const n of nodes)
    if (n.measured?.width && n.measured.height)
      sizes.set(n.id, { width: n.measured.width, height: n.measured.height });
  return sizes;
}

/** The box each labelled edge's label needs, for ELK to keep free. Pure but for text measuring. */
export function labelSizes(edges: readonly { id: string; label?: unknown }[]): Map<string, Size> {
  const sizes = new Map<string, Size>();
  for (const e of edges) if (typeof e.label === 'string' && e.label) sizes.set(e.id, labelSize(e.label));
  return sizes;
}
