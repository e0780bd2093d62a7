import type { FieldDefinition, WorkflowEdge, WorkflowNode } from './definition.types.js';
import { describeNode } from './node-types.js';
import { isRecord, own } from './structure-reader.js';

/**
 * An indexed view of a (possibly invalid) definition for graph checks. Only entries with
 * the minimum to take part are kept: nodes with a string id (the first of duplicates),
 * edges with string source and target, fields with a string name.
 */
export interface DefinitionGraph {
  nodes: WorkflowNode[];
  nodeById: Map<string, WorkflowNode>;
  /** Edges whose source and target are both nodes, in definition order. */
  edges: WorkflowEdge[];
  /** Edges whose source or target is missing. */
  danglingEdges: WorkflowEdge[];
  outgoing: Map<string, WorkflowEdge[]>;
  incoming: Map<string, WorkflowEdge[]>;
  fields: Map<string, FieldDefinition>;
  /** Position of each kept edge in `edges` of the input, for JSON Pointers. */
  edgeIndex: Map<WorkflowEdge, number>;
}

function listOf(input: unknown, key: string): unknown[] {
  if (!isRecord(input)) return [];
  const value = own(input, key);
  return Array.isArray(value) ? value : [];
}

/**
 * Builds the graph view of `input`, skipping malformed entries instead of failing. Accepts
 * anything (the caller need not have validated it). Pure.
 */
export function buildDefinitionGraph(input: unknown): DefinitionGraph {
  const graph: DefinitionGraph = {
    nodes: [],
    nodeById: new Map(),
    edges: [],
    danglingEdges: [],
    outgoing: new Map(),
    incoming: new Map(),
    fields: new Map(),
    edgeIndex: new Map(),
  };
  for (const field of listOf(input, 'fields')) {
    if (!isRecord(field)) continue;
    const name = own(field, 'name');
    if (typeof name === 'string' && !graph.fields.has(name))
      graph.fields.set(name, field as unknown as FieldDefinition);
  }
  for (const node of listOf(input, 'nodes')) {
    if (!isRecord(node)) continue;
    const id = own(node, 'id');
    if (typeof id !== 'string' || graph.nodeById.has(id)) continue;
    graph.nodes.push(node as unknown as WorkflowNode);
    graph.nodeById.set(id, node as unknown as WorkflowNode);
    graph.outgoing.set(id, []);
    graph.incoming.set(id, []);
  }
  for (const [index, item] of listOf(input, 'edges').entries()) {
    if (!isRecord(item)) continue;
    const source = own(item, 'source');
    const target = own(item, 'target');
    if (typeof source !== 'string' || typeof target !== 'string') continue;
    const edge = item as unknown as WorkflowEdge;
    graph.edgeIndex.set(edge, index);
    const from = graph.outgoing.get(source);
    const to = graph.incoming.get(target);
    if (from === undefined || to === undefined) {
      graph.danglingEdges.push(edge);
      continue;
    }
    graph.edges.push(edge);
    from.push(edge);
    to.push(edge);
  }
  return graph;
}

/** Names a node by id for messages, falling back to the bare id when it is not in the graph. */
export function describeNodeId(graph: DefinitionGraph, id: string): string {
  const node = graph.nodeById.get(id);
  return node === undefined ? `"${id.slice(0, 60)}"` : describeNode(node);
}

/** Names an edge for messages: `the edge from Task "Review" to Decision "Amount?"`. */
export function describeEdge(graph: DefinitionGraph, edge: WorkflowEdge): string {
  const label =
    typeof edge.label === 'string' && edge.label.trim() !== '' ? ` "${edge.label.slice(0, 40)}"` : '';
  return `the edge${label} from ${describeNodeId(graph, edge.source)} to ${describeNodeId(graph, edge.target)}`;
}

/** `describeEdge` for the start of a sentence: `The edge from ...`. */
export function edgeSubject(graph: DefinitionGraph, edge: WorkflowEdge): string {
  const text = describeEdge(graph, edge);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The problem place of an edge (its id when it has a string one, and its source node). */
export function edgePlace(edge: WorkflowEdge): { edgeId?: string; nodeId?: string } {
  const place: { edgeId?: string; nodeId?: string } = {};
  if (typeof edge.id === 'string') place.edgeId = edge.id;
  if (typeof edge.source === 'string') place.nodeId = edge.source;
  return place;
}

/** Ids reachable from `starts` following `next`, including the starts. Pure. */
export function reachableFrom(starts: string[], next: (id: string) => string[]): Set<string> {
  const seen = new Set<string>(starts);
  const queue = [...starts];
  while (queue.length > 0) {
    const id = queue.pop() as string;
    for (const following of next(id)) {
      if (!seen.has(following)) {
        seen.add(following);
        queue.push(following);
      }
    }
  }
  return seen;
}
