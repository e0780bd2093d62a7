import { edgePlace, edgeSubject, reachableFrom, type DefinitionGraph } from './definition-graph.js';
import { endpointRefusals } from './connection-rules.js';
import { describeNode, nodeTypeInfo } from './node-types.js';
import type { ProblemSink } from './problem-sink.js';

function checkStartAndEnd(sink: ProblemSink, graph: DefinitionGraph): string[] {
  const starts = graph.nodes.filter((node) => node.type === 'start');
  if (starts.length === 0)
    sink.add('missing-start', 'The workflow has no start node; add one and connect it to the first step.');
  for (const extra of starts.slice(1)) {
    sink.add(
      'multiple-starts',
      `The workflow has more than one start node; remove ${describeNode(extra)} or turn it into another step.`,
      { nodeId: extra.id },
    );
  }
  if (!graph.nodes.some((node) => node.type === 'end')) {
    sink.add('missing-end', 'The workflow has no end node; add one so tickets can finish.');
  }
  return starts.map((node) => node.id);
}

function checkEdgeEnds(sink: ProblemSink, graph: DefinitionGraph): void {
  for (const edge of graph.danglingEdges) {
    const missing = graph.nodeById.has(edge.source) ? edge.target : edge.source;
    const end = missing === edge.source ? 'comes from' : 'leads to';
    sink.add(
      'dangling-edge',
      `An edge ${end} "${missing.slice(0, 60)}", which is not a node; reconnect or delete it.`,
      {
        ...edgePlace(edge),
        field: missing === edge.source ? 'source' : 'target',
      },
    );
  }
  for (const edge of graph.edges) {
    const source = graph.nodeById.get(edge.source);
    const target = graph.nodeById.get(edge.target);
    if (!source || !target) continue;
    const refusals = endpointRefusals(source, target);
    if (refusals.includes('edge-into-start')) {
      sink.add(
        'edge-into-start',
        `${edgeSubject(graph, edge)} goes back into the start node; point it at the first real step instead.`,
        edgePlace(edge),
      );
    }
    if (refusals.includes('edge-from-end')) {
      sink.add(
        'edge-from-end',
        `${edgeSubject(graph, edge)} leaves an end node; a ticket stops at an end, so delete the edge or use another step.`,
        edgePlace(edge),
      );
    }
  }
}

/**
 * Graph checks on reachability: one start, at least one end, no dangling edges, nothing
 * into start or out of an end, every node reachable from start, every non-end node has a
 * way out, and from every node some path leads to an end. Pure apart from `sink`.
 */
export function checkGraph(sink: ProblemSink, graph: DefinitionGraph): void {
  const starts = checkStartAndEnd(sink, graph);
  checkEdgeEnds(sink, graph);
  const next = (id: string): string[] => (graph.outgoing.get(id) ?? []).map((edge) => edge.target);
  const previous = (id: string): string[] => (graph.incoming.get(id) ?? []).map((edge) => edge.source);
  if (starts.length > 0) {
    const reached = reachableFrom(starts, next);
    for (const node of graph.nodes) {
      if (!reached.has(node.id)) {
        sink.add(
          'unreachable-node',
          `${describeNode(node)} cannot be reached from the start; connect an edge to it or delete it.`,
          { nodeId: node.id },
        );
      }
    }
  }
  const ends = graph.nodes.filter((node) => node.type === 'end').map((node) => node.id);
  const finishing = reachableFrom(ends, previous);
  for (const node of graph.nodes) {
    if (node.type === 'end' || nodeTypeInfo(node.type) === undefined) continue;
    if ((graph.outgoing.get(node.id) ?? []).length === 0) {
      sink.add(
        'no-way-out',
        `${describeNode(node)} has no outgoing edge, so tickets would stop there; connect it to the next step.`,
        { nodeId: node.id },
      );
    } else if (ends.length > 0 && !finishing.has(node.id)) {
      sink.add(
        'cannot-reach-end',
        `From ${describeNode(node)} no path leads to an end, so tickets there never finish; add an edge towards an end.`,
        { nodeId: node.id },
      );
    }
  }
}
