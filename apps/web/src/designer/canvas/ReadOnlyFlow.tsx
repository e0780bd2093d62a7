import { Background, Controls, ReactFlow, ReactFlowProvider, type NodeTypes } from '@xyflow/react';
import { useFlowAriaLabels } from '../../i18n/flow-aria-labels';
import type { CanvasEdge, CanvasNode } from './flow-adapter';
import { nodeTypes as designerNodeTypes } from './node-types';

interface ReadOnlyFlowProps {
  nodes: CanvasNode[];
  edges: CanvasEdge[];
  /** Defaults to the Designer's node components; must be defined at module scope by the caller. */
  nodeTypes?: NodeTypes;
  padding?: number;
  hideAttribution?: boolean;
}

/**
 * A diagram to look at, not edit: the Designer's nodes on a canvas that can be
 * panned and zoomed but not dragged, connected or selected. Used by the ticket
 * page, the Versions page and the reports heatmap.
 */
export function ReadOnlyFlow({ nodes, edges, nodeTypes = designerNodeTypes, padding = 0.15, hideAttribution = false }: ReadOnlyFlowProps) {
  const ariaLabelConfig = useFlowAriaLabels();
  return (
    <ReactFlowProvider>
      <ReactFlow<CanvasNode, CanvasEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable={false}
        edgesFocusable={false}
        ariaLabelConfig={ariaLabelConfig}
        fitView
        fitViewOptions={{ padding }}
        minZoom={0.2}
        maxZoom={1.5}
        {...(hideAttribution ? { proOptions: { hideAttribution: true } } : {})}
      >
        <Background gap={20} />
        <Controls showInteractive={false} />
      </ReactFlow>
    </ReactFlowProvider>
  );
}
