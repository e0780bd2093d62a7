import { MarkerType, type Edge, type Node } from '@xyflow/react';
import type { NodeType, WorkflowDefinition, WorkflowEdge, WorkflowNode } from '@ticketflow/definition';
import { PLAIN_HANDLE } from '../model/node-catalog';

/** What a canvas node carries: the domain node itself plus view-only flags. */
export type WorkflowNodeData = {
  node: WorkflowNode;
  invalid: boolean;
  sim?: 'active' | 'visited';
  /** Where the node was drawn when the definition had no position for it. */
  autoPosition?: { x: number; y: number };
};
export type CanvasNode = Node<WorkflowNodeData, NodeType>;

export type WorkflowEdgeData = { edge: WorkflowEdge; invalid: boolean; taken: boolean };
export type CanvasEdge = Edge<WorkflowEdgeData>;

/** View-only state the canvas overlays on the definition. */
export interface CanvasDecorations {
  selectedNodes: ReadonlySet<string>;
  selectedEdges: ReadonlySet<string>;
  invalidNodes: ReadonlySet<string>;
  invalidEdges: ReadonlySet<string>;
  activeNodes: ReadonlySet<string>;
  visitedNodes: ReadonlySet<string>;
  takenEdges: ReadonlySet<string>;
  /** Label text for an edge ("otherwise" or the condition in words; none for an outcome, written on the node). */
  edgeLabel: (edge: WorkflowEdge) => string | undefined;
}

export const NO_DECORATIONS: CanvasDecorations = {
  selectedNodes: new Set(),
  selectedEdges: new Set(),
  invalidNodes: new Set(),
  invalidEdges: new Set(),
  activeNodes: new Set(),
  visitedNodes: new Set(),
  takenEdges: new Set(),
  edgeLabel: (edge) => edge.label ?? (edge.on ? undefined : edge.default ? 'otherwise' : undefined),
};

const GRID = { columns: 6, dx: 220, dy: 140 };

function autoPosition(index: number) {
  return { x: (index % GRID.columns) * GRID.dx, y: Math.floor(index / GRID.columns) * GRID.dy };
}

/**
 * Definition nodes -> React Flow nodes. Reuses `previous` node objects whose domain
 * node and flags are unchanged, and carries React Flow's measured size over, so an
 * edit re-renders only the nodes it touched. Pure.
 */
export function toFlowNodes(
  definition: WorkflowDefinition,
  decorations: CanvasDecorations = NO_DECORATIONS,
  previous: ReadonlyMap<string, CanvasNode> = new Map(),
): CanvasNode[] {
  return definition.nodes.map((node, index) => {
    const prev = previous.get(node.id);
    const invalid = decorations.invalidNodes.has(node.id);
    const sim = decorations.activeNodes.has(node.id)
      ? 'active'
      : decorations.visitedNodes.has(node.id)
        ? 'visited'
        : undefined;
    const selected = decorations.selectedNodes.has(node.id);
    if (
      prev &&
      prev.data.node === node &&
      prev.data.invalid === invalid &&
      prev.data.sim === sim &&
      Boolean(prev.selected) === selected
    ) {
      return prev;
    }
    const fallback = node.position ? undefined : autoPosition(index);
    const data: WorkflowNodeData = { node, invalid };
    if (sim) data.sim = sim;
    if (fallback) data.autoPosition = fallback;
    const flowNode: CanvasNode = {
      id: node.id,
      type: node.type,
      position: prev && prev.data.node === node ? prev.position : (node.position ?? fallback!),
      data,
      selected,
    };
    if (prev?.measured) flowNode.measured = prev.measured;
    return flowNode;
  });
}

/** Definition edges -> React Flow edges, reusing unchanged ones like `toFlowNodes`. Pure. */
export function toFlowEdges(
  definition: WorkflowDefinition,
  decorations: CanvasDecorations = NO_DECORATIONS,
  previous: ReadonlyMap<string, CanvasEdge> = new Map(),
): CanvasEdge[] {
  // Screen readers hear "Review → Finance approval" (node names, any language) instead of React Flow's English "Edge from … to …".
  const names = new Map(definition.nodes.map((node) => [node.id, node.name?.trim() || node.id]));
  return definition.edges.map((edge) => {
    const prev = previous.get(edge.id);
    const ariaLabel = `${names.get(edge.source) ?? edge.source} → ${names.get(edge.target) ?? edge.target}`;
    const invalid = decorations.invalidEdges.has(edge.id);
    const taken = decorations.takenEdges.has(edge.id);
    const selected = decorations.selectedEdges.has(edge.id);
    const label = decorations.edgeLabel(edge);
    if (
      prev &&
      prev.data?.edge === edge &&
      prev.data.invalid === invalid &&
      prev.data.taken === taken &&
      Boolean(prev.selected) === selected &&
      prev.label === label &&
      prev.ariaLabel === ariaLabel
    ) {
      return prev;
    }
    const classes = ['wf-edge', invalid && 'is-invalid', taken && 'is-taken', edge.default && 'is-default']
      .filter(Boolean)
      .join(' ');
    const flowEdge: CanvasEdge = {
      id: edge.id,
      source: edge.source,
      target: edge.target,
      sourceHandle: edge.on ?? PLAIN_HANDLE,
      targetHandle: 'in',
      type: 'routed',
      markerEnd: { type: MarkerType.ArrowClosed },
      className: classes,
      animated: taken,
      selected,
      data: { edge, invalid, taken },
      ariaLabel,
    };
    if (label !== undefined) flowEdge.label = label;
    return flowEdge;
  });
}

/**
 * React Flow nodes/edges -> definition: the inverse of toFlowNodes/toFlowEdges,
 * taking positions from the canvas. Lossless: `fromFlow(toFlow(d)) ≡ d`. Pure.
 */
export function fromFlow(
  base: WorkflowDefinition,
  nodes: readonly CanvasNode[],
  edges: readonly CanvasEdge[],
): WorkflowDefinition {
  return {
    ...base,
    nodes: nodes.map((n) => {
      const { node, autoPosition: auto } = n.data;
      const untouched = auto !== undefined && n.position.x === auto.x && n.position.y === auto.y;
      if (untouched) return node;
      if (node.position && node.position.x === n.position.x && node.position.y === n.position.y) return node;
      return { ...node, position: { x: n.position.x, y: n.position.y } };
    }),
    edges: edges.map((e) => e.data!.edge),
  };
}
