import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Background,
  ControlButton,
  Controls,
  MiniMap,
  ReactFlow,
  applyEdgeChanges,
  applyNodeChanges,
  useNodesInitialized,
  type Connection,
  type Edge,
  type EdgeChange,
  type IsValidConnection,
  type NodeChange,
  type OnSelectionChangeParams,
} from '@xyflow/react';
import { useDesignerStore } from '../store/designer.store';
import { canConnect } from '../model/connection-rules';
import { PALETTE_MIME } from '../palette/Palette';
import { toFlowEdges, toFlowNodes, type CanvasEdge, type CanvasNode } from './flow-adapter';
import { nodeTypes } from './node-types';
import { useCanvasDecorations } from './use-canvas-decorations';
import { useCanvasFocus } from './use-canvas-focus';
import { edgeTypes } from './RoutedEdge';
import { EdgeRoutingContext, type EdgeRouting } from './edge-routes';
import { useEdgeRoutes } from './use-edge-routes';
import { useReadableFit } from './readable-fit';
import { AppendContext } from './append-context';
import { NodePicker } from './NodePicker';
import { edgeAt, useBuildGestures } from './use-build-gestures';
import { insertExistingOnEdge } from '../store/build-actions';
import { useFlowAriaLabels } from '../../i18n/flow-aria-labels';

function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((item) => [item.id, item]));
}

/** From this many nodes, only what is in view is drawn. */
const CULL_FROM_NODES = 150;

const sameIds = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((id, i) => id === b[i]);

/**
 * The React Flow canvas. The definition in the store is the truth; React Flow's
 * node list is kept locally only for what happens between commands (a drag in
 * progress, measured sizes). Every lasting change becomes a command.
 */
export function DesignerCanvas() {
  const definition = useDesignerStore((s) => s.definition);
  const dispatch = useDesignerStore((s) => s.dispatch);
  const select = useDesignerStore((s) => s.select);
  const { t } = useTranslation();
  const decorations = useCanvasDecorations();
  const ariaLabelConfig = useFlowAriaLabels();
  const [showMiniMap, setShowMiniMap] = useState(false);
  const [nodes, setNodes] = useState<CanvasNode[]>(() => toFlowNodes(definition, decorations));
  const [edges, setEdges] = useState<CanvasEdge[]>(() => toFlowEdges(definition, decorations));
  const firstSync = useRef(true);

  useEffect(() => {
    if (firstSync.current) {
      firstSync.current = false;
      return;
    }
    setNodes((prev) => toFlowNodes(definition, decorations, byId(prev)));
    setEdges((prev) => toFlowEdges(definition, decorations, byId(prev)));
  }, [definition, decorations]);

  useCanvasFocus(nodes);
  const routes = useEdgeRoutes(definition, edges);
  const routing = useMemo<EdgeRouting>(
    () => ({ routes, onLabelClick: (id) => select({ nodeIds: [], edgeIds: [id] }) }),
    [routes, select],
  );
  const gestures = useBuildGestures();
  useFitOnceMeasured();

  const onNodesChange = useCallback((changes: NodeChange<CanvasNode>[]) => {
    // Removal goes through the command stack (Delete shortcut); ignore React Flow's own.
    const kept = changes.filter((c) => c.type !== 'remove');
    if (kept.length) setNodes((prev) => applyNodeChanges(kept, prev));
  }, []);

  const onEdgesChange = useCallback((changes: EdgeChange<CanvasEdge>[]) => {
    // Only selection matters here; edges change for good through commands.
    const kept = changes.filter((c) => c.type === 'select');
    if (kept.length) setEdges((prev) => applyEdgeChanges(kept, prev));
  }, []);

  const onSelectionChange = useCallback(
    ({ nodes: selNodes, edges: selEdges }: OnSelectionChangeParams) => {
      const nodeIds = selNodes.map((n) => n.id);
      const edgeIds = selEdges.map((e) => e.id);
      const current = useDesignerStore.getState().selection;
      if (!sameIds(current.nodeIds, nodeIds) || !sameIds(current.edgeIds, edgeIds))
        select({ nodeIds, edgeIds });
    },
    [select],
  );

  const onDragStop = useCallback(
    (event: MouseEvent | TouchEvent | null, _node: unknown, dragged: CanvasNode[]) => {
      const current = byId(useDesignerStore.getState().definition.nodes);
      const moves = dragged
        .map((n) => ({
          id: n.id,
          from: current.get(n.id)?.position,
          to: { x: n.position.x, y: n.position.y },
        }))
        .filter((m) => current.has(m.id) && (m.from?.x !== m.to.x || m.from?.y !== m.to.y))
        .map(({ id, to }) => ({ id, to }));
      if (moves.length) dispatch({ type: 'node.move', payload: { moves } });
      // A lone, unconnected node let go over an edge is put into that edge.
      const point = event && ('changedTouches' in event ? event.changedTouches[0] : event);
      if (dragged.length === 1 && point) {
        const edgeId = edgeAt(point.clientX, point.clientY);
        if (edgeId) insertExistingOnEdge(edgeId, dragged[0]!.id);
      }
    },
    [dispatch],
  );

  const isValidConnection: IsValidConnection = useCallback(
    (c) => canConnect(useDesignerStore.getState().definition, c).ok,
    [],
  );

  const onConnect = useCallback(
    (connection: Connection) => {
      const verdict = canConnect(useDesignerStore.getState().definition, connection);
      if (verdict.ok) dispatch({ type: 'edge.connect', payload: { edge: verdict.edge } });
    },
    [dispatch],
  );

  const onReconnect = useCallback(
    (old: Edge, connection: Connection) => {
      const def = useDesignerStore.getState().definition;
      const before = def.edges.find((e) => e.id === old.id);
      if (!before) return;
      const others = { ...def, edges: def.edges.filter((e) => e.id !== old.id) };
      const verdict = canConnect(others, connection);
      if (!verdict.ok) return;
      const after = { ...before, source: verdict.edge.source, target: verdict.edge.target };
      if (verdict.edge.on) after.on = verdict.edge.on;
      else delete after.on;
      dispatch({ type: 'edge.update', payload: { edge: after } });
    },
    [dispatch],
  );

  const onDragOver = useCallback((event: DragEvent) => {
    if (event.dataTransfer.types.includes(PALETTE_MIME)) {
      event.preventDefault();
      event.dataTransfer.dropEffect = 'move';
    }
  }, []);

  return (
    <EdgeRoutingContext.Provider value={routing}>
      <AppendContext.Provider value={gestures.appendActions}>
        <div
          className="designer-canvas"
          data-testid="designer-canvas"
          onDragOver={onDragOver}
          onDrop={gestures.onDrop}
        >
          <ReactFlow<CanvasNode, CanvasEdge>
            nodes={nodes}
            edges={edges}
            nodeTypes={nodeTypes}
            edgeTypes={edgeTypes}
            onConnectEnd={gestures.onConnectEnd}
            connectionRadius={36}
            onNodesChange={onNodesChange}
            onEdgesChange={onEdgesChange}
            onSelectionChange={onSelectionChange}
            onNodeDragStop={onDragStop}
            onSelectionDragStop={(_e, dragged) => onDragStop(null, null, dragged)}
            onConnect={onConnect}
            onReconnect={onReconnect}
            isValidConnection={isValidConnection}
            deleteKeyCode={null}
            disableKeyboardA11y
            // Culling pays off for big drafts (the 1,000-node benchmark); small ones draw everything.
            onlyRenderVisibleElements={definition.nodes.length > CULL_FROM_NODES}
            minZoom={0.1}
            maxZoom={2}
            snapToGrid
            snapGrid={[10, 10]}
            ariaLabelConfig={ariaLabelConfig}
          >
            <Background gap={20} />
            {showMiniMap && (
              <MiniMap pannable zoomable position="top-right" ariaLabel={t('designer.canvas.minimap')} />
            )}
            <Controls aria-label={t('designer.canvas.controls')}>
              <ControlButton
                onClick={() => setShowMiniMap((v) => !v)}
                aria-label={t('designer.canvas.toggleMinimap')}
                title={t('designer.canvas.toggleMinimap')}
                aria-pressed={showMiniMap}
                data-testid="toggle-minimap"
              >
                ▦
              </ControlButton>
            </Controls>
          </ReactFlow>
          {gestures.picker && (
            <NodePicker
              at={gestures.picker.at}
              onPick={gestures.pick}
              onClose={() => gestures.setPicker(null)}
            />
          )}
        </div>
      </AppendContext.Provider>
    </EdgeRoutingContext.Provider>
  );
}

/** Fits the flow at a readable zoom once its nodes have been measured (on open). */
function useFitOnceMeasured(): void {
  const measured = useNodesInitialized();
  const fit = useReadableFit();
  const done = useRef(false);
  useEffect(() => {
    if (!measured || done.current) return;
    done.current = true;
    fit();
  }, [measured, fit]);
}
