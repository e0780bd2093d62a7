import { memo, type CSSProperties } from 'react';
import type { NodeProps, NodeTypes } from '@xyflow/react';
import { WorkflowNodeView } from '../designer/canvas/WorkflowNodeView';
import type { CanvasNode, WorkflowNodeData } from '../designer/canvas/flow-adapter';
import { NODE_TYPES } from '../designer/model/node-catalog';

/** What the heatmap adds to a canvas node: its colour and the figure shown on it. */
export type HeatNodeData = WorkflowNodeData & { heat: { colour: string; label: string; hot: boolean } };

/**
 * The Designer's own node component, read-only, wrapped in a coloured frame
 * with the node's figure (time spent or tickets waiting) as a badge.
 */
function HeatNodeViewInner(props: NodeProps<CanvasNode>) {
  const { heat } = props.data as HeatNodeData;
  return (
    <div
      className={`heat-node${heat.hot ? ' is-hot' : ''}`}
      style={{ '--heat': heat.colour } as CSSProperties}
      data-testid={`heat-${props.id}`}
      data-heat={heat.colour}
    >
      <WorkflowNodeView {...props} />
      {heat.label !== '—' && <span className="heat-node__badge">{heat.label}</span>}
    </div>
  );
}

export const HeatNodeView = memo(HeatNodeViewInner);

/** Module scope, so React Flow never sees a new object (DESIGN.md §9). */
export const heatNodeTypes: NodeTypes = Object.fromEntries(NODE_TYPES.map((type) => [type, HeatNodeView]));
