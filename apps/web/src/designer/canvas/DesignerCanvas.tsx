import { useCallback, useEffect, useRef, useState, type DragEvent } from 'react';
import {
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  applyEdgeChanges,
  applyNodeChanges,
  useReactFlow,
  type Connection,
  type Edge,
  type EdgeChange,
  type IsValidConnection,
  type NodeChange,
  type OnSelectionChangeParams,
} from '@xyflow/react';
import type { NodeType } from '@ticketflow/definition';
import { useDesignerStore } from '../store/designer.store';
import { canConnect } from '../model/connection-rules';
import { createNode, nextId } from '../model/node-catalog';
import { addNode, moveNodes } from '../commands/node-commands';
import { connectEdge, updateEdge } from '../commands/edge-commands';
import { PALETTE_MIME } from '../palette/Palette';
import { toFlowEdges, toFlowNodes, type CanvasEdge, type CanvasNode } from './flow-adapter';
import { nodeTypes } from './node-types';
import { useCanvasDecorations } from './use-canvas-decorations';
import { useCanvasFocus } from './use-canvas-focus';
import { FIT_VIEW_OPTIONS } from './fit-view-options';
import { useFlowAriaLabels } from '../../i18n/flow-aria-labels';

function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((item) => [item.id, item]));
}

const sameIds = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((id, i) => id === b[i]);

/**
 * The React Flow canvas. The definition in the store is the truth; React Flow's
 * node list is kept locally only for what happens between commands (a drag in
 * progress, measured sizes). Every lasting change becomes a command.
 */
export function DesignerCanvas() {
  const definition = useDesignerStore((s) => s.definition);
  const execute = useDesignerStore((s) => s.execute);
  const select = useDesignerStore((s) => s.select);
  const decorations = useCanvasDecorations();
  const ariaLabelConfig = useFlowAriaLabels();
  const { screenToFlowPosition } = useReactFlow();
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
      if (!sameIds(current.nodeIds, nodeIds) || !sameIds(current.edgeIds, edgeIds)) select({ nodeIds, edgeIds });
    },
    [select],
  );

  const onDragStop = useCallback(
    (_event: unknown, _node: unknown, dragged: CanvasNode[]) => {
      const current = byId(useDesignerStore.getState().definition.nodes);
      const moves = dragged
        .map((n) => ({ id: n.id, from: current.get(n.id)?.position, to: { x: n.position.x, y: n.position.y } }))
        .filter((m) => current.has(m.id) && (m.from?.x !== m.to.x || m.from?.y !== m.to.y));
      if (moves.length) execute(moveNodes(moves));
    },
    [execute],
  );

  const isValidConnection: IsValidConnection = useCallback(
    (c) => canConnect(useDesignerStore.getState().definition, c).ok,
    [],
  );

  const onConnect = useCallback(
    (connection: Connection) => {
      const verdict = canConnect(useDesignerStore.getState().definition, connection);
      if (verdict.ok) execute(connectEdge(verdict.edge));
    },
    [execute],
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
      execute(updateEdge(before, after));
    },
    [execute],
  );

  const onDragOver = useCallback((event: DragEvent) => {
    if (event.dataTransfer.types.includes(PALETTE_MIME)) {
      event.preventDefault();
      event.dataTransfer.dropEffect = 'move';
    }
  }, []);

  const onDrop = useCallback(
    (event: DragEvent) => {
      const type = event.dataTransfer.getData(PALETTE_MIME) as NodeType;
      if (!type) return;
      event.preventDefault();
      const def = useDesignerStore.getState().definition;
      const at = screenToFlowPosition({ x: event.clientX, y: event.clientY });
      const node = createNode(type, nextId(def, type), { x: Math.round(at.x - 90), y: Math.round(at.y - 30) });
      execute(addNode(node));
      select({ nodeIds: [node.id], edgeIds: [] });
    },
    [execute, screenToFlowPosition, select],
  );

  return (
    <div className="designer-canvas" data-testid="designer-canvas" onDragOver={onDragOver} onDrop={onDrop}>
      <ReactFlow<CanvasNode, CanvasEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onSelectionChange={onSelectionChange}
        onNodeDragStop={onDragStop}
        onSelectionDragStop={(e, dragged) => onDragStop(e, null, dragged)}
        onConnect={onConnect}
        onReconnect={onReconnect}
        isValidConnection={isValidConnection}
        deleteKeyCode={null}
        onlyRenderVisibleElements
        fitView
        fitViewOptions={FIT_VIEW_OPTIONS}
        minZoom={0.1}
        maxZoom={2}
        snapToGrid
        snapGrid={[10, 10]}
        ariaLabelConfig={ariaLabelConfig}
      >
        <Background gap={20} />
        <MiniMap pannable zoomable />
        <Controls />
      </ReactFlow>
    </div>
  );
}
