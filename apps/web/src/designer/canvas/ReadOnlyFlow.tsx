import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  Background,
  Controls,
  ReactFlow,
  ReactFlowProvider,
  type NodeChange,
  type NodeTypes,
} from '@xyflow/react';
import { useFlowAriaLabels } from '../../i18n/flow-aria-labels';
import type { CanvasEdge, CanvasNode } from './flow-adapter';
import { nodeTypes as designerNodeTypes } from './node-types';
import { edgeTypes } from './RoutedEdge';
import { EdgeRoutingContext, type EdgeRouting } from './edge-routes';
import { useReadableFit } from './readable-fit';
import { layoutFlow, MAX_ROUTED_NODES } from '../layout/elk-layout';
import { labelSizes } from './measure-flow';
import type { Size } from '../layout/elk-layout';

interface ReadOnlyFlowProps {
  nodes: CanvasNode[];
  edges: CanvasEdge[];
  /** Defaults to the Designer's node components; must be defined at module scope by the caller. */
  nodeTypes?: NodeTypes;
  /** Nodes to show first when the whole flow does not fit at a readable size (default: the start). */
  focusNodeIds?: readonly string[];
  hideAttribution?: boolean;
}

/**
 * A diagram to look at, not edit: the Designer's nodes laid out by ELK with
 * routed edges, on a canvas that behaves like a picture in the page — the
 * wheel scrolls the page; Ctrl/⌘ + wheel, pinch or the buttons zoom; drag pans.
 * Used by the ticket page, the Versions page and the reports heatmap.
 */
export function ReadOnlyFlow(props: ReadOnlyFlowProps) {
  return (
    <ReactFlowProvider>
      <ReadOnlyCanvas {...props} />
    </ReactFlowProvider>
  );
}

function ReadOnlyCanvas({
  nodes,
  edges,
  nodeTypes = designerNodeTypes,
  focusNodeIds,
  hideAttribution = false,
}: ReadOnlyFlowProps) {
  const ariaLabelConfig = useFlowAriaLabels();
  // The nodes are controlled: keep the sizes React Flow measures, or it would forget them on the next render.
  const [sizes, setSizes] = useState<ReadonlyMap<string, Size>>(new Map());
  const onNodesChange = useCallback((changes: NodeChange<CanvasNode>[]) => {
    const measuredNow = changes.filter((c) => c.type === 'dimensions' && c.dimensions);
    if (measuredNow.length === 0) return;
    setSizes((prev) => {
      const next = new Map(prev);
      for (const c of measuredNow) if (c.type === 'dimensions' && c.dimensions) next.set(c.id, c.dimensions);
      return next;
    });
  }, []);
  const measured = nodes.length > 0 && nodes.every((n) => sizes.has(n.id));
  const fit = useReadableFit();
  const [layout, setLayout] = useState<{ key: string; value: Awaited<ReturnType<typeof layoutFlow>> } | null>(
    null,
  );
  const structure = useMemo(
    () => `${nodes.map((n) => n.id).join(',')}|${edges.map((e) => `${e.id}:${e.label ?? ''}`).join(',')}`,
    [nodes, edges],
  );

  useEffect(() => {
    if (!measured) return;
    if (nodes.length > MAX_ROUTED_NODES) {
      setLayout({ key: structure, value: { positions: new Map(), routes: new Map() } });
      return;
    }
    let live = true;
    const definition = { nodes: nodes.map((n) => n.data.node), edges: edges.map((e) => e.data!.edge) };
    void layoutFlow(definition as never, sizes, labelSizes(edges)).then(
      (value) => live && setLayout({ key: structure, value }),
    );
    return () => {
      live = false;
    };
    // Lay out again only when the drawing changes, not for new highlight objects.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the structure key stands for nodes and edges
  }, [measured, structure]);

  const placed = useMemo(() => {
    if (!layout) return nodes.map((n) => (sizes.has(n.id) ? { ...n, measured: sizes.get(n.id) } : n));
    return nodes.map((n) => {
      const at = layout.value.positions.get(n.id);
      const size = sizes.get(n.id);
      return { ...n, ...(at ? { position: at } : {}), ...(size ? { measured: size } : {}) };
    });
  }, [nodes, layout, sizes]);
  const routing = useMemo<EdgeRouting>(() => ({ routes: layout?.value.routes ?? new Map() }), [layout]);

  const fitted = useRef<string | null>(null);
  const focusKey = (focusNodeIds ?? []).join(',');
  useEffect(() => {
    const key = layout ? `${layout.key}#${focusKey}` : null;
    if (!key || fitted.current === key) return;
    // After React Flow has the new positions; marked done only when it ran (a re-render may cancel it).
    const timer = setTimeout(() => {
      fitted.current = key;
      fit({ focusIds: focusNodeIds });
    }, 0);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- re-fit on a new layout or focus, not on a new array of the same ids
  }, [layout, focusKey, fit]);

  return (
    <EdgeRoutingContext.Provider value={routing}>
      <div
        className="readonly-flow"
        data-laid-out={layout ? 'true' : 'false'}
        style={layout ? undefined : { visibility: 'hidden' }}
      >
        <ReactFlow<CanvasNode, CanvasEdge>
          ariaLabelConfig={ariaLabelConfig}
          nodes={placed}
          edges={edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          onNodesChange={onNodesChange}
          nodesDraggable={false}
          nodesConnectable={false}
          elementsSelectable={false}
          edgesFocusable={false}
          nodesFocusable={false}
          zoomOnScroll={false}
          panOnScroll={false}
          preventScrolling={false}
          zoomOnDoubleClick={false}
          minZoom={0.2}
          maxZoom={1.5}
          {...(hideAttribution ? { proOptions: { hideAttribution: true } } : {})}
        >
          <Background gap={20} />
          <Controls showInteractive={false} />
        </ReactFlow>
      </div>
    </EdgeRoutingContext.Provider>
  );
}
