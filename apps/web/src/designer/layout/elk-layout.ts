import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api';
import type { Position, WorkflowDefinition, WorkflowNode } from '@ticketflow/definition';
import { exitsOf, PLAIN_HANDLE } from '../model/node-catalog';

export interface Size {
  /** Label text, for ELK's own bookkeeping (labels without text are not placed). */
  text?: string;
  width: number;
  height: number;
}

/** An edge drawn as ELK routed it: orthogonal points from the source handle to the target handle. */
export interface EdgeRoute {
  points: Position[];
  /** The label's box (top-left corner and size), placed by ELK clear of nodes and other labels. */
  label?: { x: number; y: number; width: number; height: number };
}

export interface FlowLayout {
  positions: Map<string, Position>;
  routes: Map<string, EdgeRoute>;
}

/** The size a node has before the browser measured it (jsdom, first render). */
export function defaultNodeSize(node: WorkflowNode): Size {
  if (node.type === 'start' || node.type === 'end') return { width: 150, height: 60 };
  if (
    node.type === 'decision' ||
    node.type === 'join' ||
    node.type === 'parallel' ||
    node.type === 'inclusive'
  )
    return { width: 190, height: 80 };
  return { width: 220, height: 92 };
}

/** Above this many nodes the layered layout is too slow for the main thread; edges are drawn simply. */
export const MAX_ROUTED_NODES = 400;

const LAYOUT_OPTIONS: Record<string, string> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.edgeRouting': 'ORTHOGONAL',
  'elk.padding': '[top=24,left=24,bottom=24,right=24]',
  'elk.spacing.nodeNode': '32',
  'elk.layered.spacing.nodeNodeBetweenLayers': '48',
  'elk.spacing.edgeNode': '18',
  'elk.spacing.edgeEdge': '12',
  'elk.layered.spacing.edgeNodeBetweenLayers': '18',
  'elk.layered.spacing.edgeEdgeBetweenLayers': '12',
  'elk.spacing.edgeLabel': '4',
  'elk.spacing.labelNode': '8',
  'elk.edgeLabels.placement': 'CENTER',
  'elk.layered.nodePlacement.strategy': 'NETWORK_SIMPLEX',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
};

/** Long flows are folded into rows so a 50-node flow is not one very wide strip. */
const WRAPPING_OPTIONS: Record<string, string> = {
  'elk.layered.wrapping.strategy': 'MULTI_EDGE',
  'elk.aspectRatio': '1.8',
  'elk.layered.wrapping.additionalEdgeSpacing': '24',
};

const WRAP_FROM_NODES = 24;

const LABEL_OPTIONS: Record<string, string> = {
  'elk.edgeLabels.placement': 'CENTER',
  'elk.edgeLabels.inline': 'false',
};

const portId = (nodeId: string, handle: string) => `${nodeId}::${handle}`;

/** Where a node's handles are: the input in the middle of the left side, exits spread down the right side (as WorkflowNodeView draws them). */
function portsOf(node: WorkflowNode, size: Size): NonNullable<ElkNode['ports']> {
  const ports: NonNullable<ElkNode['ports']> = [];
  if (node.type !== 'start') {
    ports.push({
      id: portId(node.id, 'in'),
      x: 0,
      y: size.height / 2,
      width: 0,
      height: 0,
      layoutOptions: { 'elk.port.side': 'WEST' },
    });
  }
  const exits = exitsOf(node);
  exits.forEach((exit, i) => {
    ports.push({
      id: portId(node.id, exit),
      x: size.width,
      y: ((i + 0.5) * size.height) / exits.length,
      width: 0,
      height: 0,
      layoutOptions: { 'elk.port.side': 'EAST' },
    });
  });
  return ports;
}

let engine: InstanceType<typeof ELK> | null = null;

/**
 * Lays a definition out left to right with ELK's layered algorithm: node
 * positions, orthogonal edge routes that go around nodes, and label boxes that
 * overlap neither nodes nor each other. `sizes` are measured node sizes (else
 * defaults), `labels` the size of each edge's label. Runs ELK in the page (its
 * bundled build, no worker); no other side effects.
 */
export async function layoutFlow(
  definition: WorkflowDefinition,
  sizes: ReadonlyMap<string, Size> = new Map(),
  labels: ReadonlyMap<string, Size> = new Map(),
): Promise<FlowLayout> {
  const nodes = new Map(definition.nodes.map((n) => [n.id, n]));
  const sizeOf = (node: WorkflowNode) => sizes.get(node.id) ?? defaultNodeSize(node);
  const children: ElkNode[] = definition.nodes.map((node) => {
    const size = sizeOf(node);
    return {
      id: node.id,
      ...size,
      ports: portsOf(node, size),
      layoutOptions: { 'elk.portConstraints': 'FIXED_POS' },
    };
  });
  const edges: ElkExtendedEdge[] = [];
  for (const edge of definition.edges) {
    const source = nodes.get(edge.source);
    const target = nodes.get(edge.target);
    if (!source || !target || source.id === target.id || target.type === 'start' || source.type === 'end')
      continue;
    const handle = edge.on ?? PLAIN_HANDLE;
    if (!exitsOf(source).includes(handle)) continue;
    const label = labels.get(edge.id);
    edges.push({
      id: edge.id,
      sources: [portId(source.id, handle)],
      targets: [portId(target.id, 'in')],
      ...(label
        ? {
            labels: [
              {
                id: `${edge.id}:label`,
                text: label.text ?? edge.id,
                width: label.width,
                height: label.height,
                layoutOptions: LABEL_OPTIONS,
              },
            ],
          }
        : {}),
    });
  }
  const wrap = definition.nodes.length >= WRAP_FROM_NODES;
  const graph: ElkNode = {
    id: 'root',
    layoutOptions: wrap ? { ...LAYOUT_OPTIONS, ...WRAPPING_OPTIONS } : LAYOUT_OPTIONS,
    children,
    edges,
  };
  engine ??= new ELK();
  const laid = await engine.layout(graph);

  const positions = new Map<string, Position>();
  const offsets = new Map<string, Position>();
  for (const child of laid.children ?? []) {
    const x = child.x ?? 0;
    const y = child.y ?? 0;
    positions.set(child.id, { x: Math.round(x), y: Math.round(y) });
    offsets.set(child.id, { x: Math.round(x) - x, y: Math.round(y) - y });
  }
  const routes = new Map<string, EdgeRoute>();
  for (const edge of (laid.edges ?? []) as ElkExtendedEdge[]) {
    if (edge.sections?.length !== 1) continue;
    const section = edge.sections[0]!;
    const points = [section.startPoint, ...(section.bendPoints ?? []), section.endPoint].map(({ x, y }) => ({
      x,
      y,
    }));
    const route: EdgeRoute = {
      points: withoutJogs(
        snapEnds(
          points,
          offsets.get(edge.sources[0]!.split('::')[0]!),
          offsets.get(edge.targets[0]!.split('::')[0]!),
        ),
      ),
    };
    const label = edge.labels?.[0];
    if (label?.x !== undefined && label.y !== undefined) {
      route.label = { x: label.x, y: label.y, width: label.width ?? 0, height: label.height ?? 0 };
    }
    routes.set(edge.id, route);
  }
  return { positions, routes };
}

/**
 * Node positions are rounded to whole pixels for the canvas: move each route's
 * first and last leg by its node's rounding, so it still meets the handles and
 * stays orthogonal.
 */
function snapEnds(points: Position[], start: Position | undefined, end: Position | undefined): Position[] {
  const out = points.map((p) => ({ ...p }));
  const last = out.length - 1;
  if (start && (start.x || start.y)) {
    const horizontal = out[1] && Math.abs(out[1].y - out[0]!.y) < 0.01;
    out[0] = { x: out[0]!.x + start.x, y: out[0]!.y + start.y };
    if (horizontal && last > 1) out[1] = { x: out[1]!.x, y: out[0].y };
  }
  if (end && (end.x || end.y)) {
    const horizontal = last > 0 && Math.abs(out[last - 1]!.y - out[last]!.y) < 0.01;
    out[last] = { x: out[last]!.x + end.x, y: out[last]!.y + end.y };
    if (horizontal && last > 1) out[last - 1] = { x: out[last - 1]!.x, y: out[last]!.y };
  }
  return out;
}

/**
 * ELK sometimes leaves a 1-pixel step between two parallel legs; move the later
 * leg (or the earlier one, next to the end) onto the other so the line is
 * straight, then drop points that no longer turn.
 */
function withoutJogs(points: Position[]): Position[] {
  const out = points.map((p) => ({ ...p }));
  const last = out.length - 1;
  for (let i = 1; i < last - 1; i += 1) {
    const a = out[i]!;
    const b = out[i + 1]!;
    for (const [along, across] of [
      ['y', 'x'],
      ['x', 'y'],
    ] as const) {
      if (a[across] !== b[across] || Math.abs(a[along] - b[along]) >= 2 || a[along] === b[along]) continue;
      if (i + 2 < last) {
        b[along] = a[along];
        out[i + 2]![along] = a[along];
      } else if (i - 1 > 0) {
        a[along] = b[along];
        out[i - 1]![along] = b[along];
      }
    }
  }
  return out.filter((p, i) => {
    if (i === 0 || i === last) return true;
    const prev = out[i - 1]!;
    const next = out[i + 1]!;
    return !((prev.x === p.x && p.x === next.x) || (prev.y === p.y && p.y === next.y));
  });
}
