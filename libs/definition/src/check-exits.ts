import type { WorkflowEdge, WorkflowNode } from './definition.types.js';
import { describeEdge, edgePlace, edgeSubject, type DefinitionGraph } from './definition-graph.js';
import { describeNode, nodeTypeInfo } from './node-types.js';
import { hasOpenOutcomes, optionalOutcomesOf, outcomeInfoOf } from './outcomes.js';
import type { ProblemSink } from './problem-sink.js';

type EdgeKind = 'on' | 'condition' | 'default' | 'plain';

/** The kinds an edge declares: any of on / condition / default, or plain when none. */
function kindsOf(edge: WorkflowEdge): EdgeKind[] {
  const kinds: EdgeKind[] = [];
  if (edge.on !== undefined) kinds.push('on');
  if (edge.condition !== undefined) kinds.push('condition');
  if (edge.default === true) kinds.push('default');
  return kinds.length === 0 ? ['plain'] : kinds;
}

function checkSingleExit(
  sink: ProblemSink,
  graph: DefinitionGraph,
  node: WorkflowNode,
  edges: WorkflowEdge[],
): void {
  for (const edge of edges) {
    const [kind] = kindsOf(edge);
    if (kind !== 'plain') {
      sink.add(
        'edge-kind-mismatch',
        `${edgeSubject(graph, edge)} has "${kind}", but ${describeNode(node)} leaves by one plain edge; remove "${kind}".`,
        edgePlace(edge),
      );
    }
  }
  if (edges.length > 1) {
    sink.add(
      'plain-edge-count',
      `${describeNode(node)} has ${edges.length} outgoing edges but leaves by exactly one; use a decision or a parallel split to branch.`,
      { nodeId: node.id, params: { count: edges.length } },
    );
  }
}

function checkParallelExits(
  sink: ProblemSink,
  graph: DefinitionGraph,
  node: WorkflowNode,
  edges: WorkflowEdge[],
): void {
  for (const edge of edges) {
    const [kind] = kindsOf(edge);
    if (kind !== 'plain') {
      sink.add(
        'edge-kind-mismatch',
        `${edgeSubject(graph, edge)} has "${kind}", but a parallel split starts every branch; remove "${kind}" or branch with a decision.`,
        edgePlace(edge),
      );
    }
  }
  if (edges.length === 1) {
    sink.add(
      'single-branch-parallel',
      `${describeNode(node)} starts only one branch; add another branch or remove the split.`,
      { nodeId: node.id },
    );
  }
}

function checkDecisionExits(
  sink: ProblemSink,
  graph: DefinitionGraph,
  node: WorkflowNode,
  edges: WorkflowEdge[],
): void {
  const defaults = edges.filter((edge) => edge.default === true);
  for (const edge of edges) {
    if (edge.on !== undefined) {
      sink.add(
        'edge-kind-mismatch',
        `${edgeSubject(graph, edge)} has "on", but a decision branches by conditions; give it a condition or make it the default.`,
        { ...edgePlace(edge), field: 'on' },
      );
    } else if (edge.condition === undefined && edge.default !== true) {
      sink.add(
        'missing-condition',
        `${edgeSubject(graph, edge)} has no condition; add one or make it the default edge.`,
        { ...edgePlace(edge), field: 'condition' },
      );
    }
  }
  if (edges.length > 0 && defaults.length === 0) {
    sink.add(
      'missing-default-edge',
      `${describeNode(node)} has no default edge; mark one edge as default for tickets no condition matches.`,
      { nodeId: node.id },
    );
  }
  for (const extra of defaults.slice(1)) {
    sink.add(
      'multiple-default-edges',
      `${describeNode(node)} has more than one default edge; keep one and give ${describeEdge(graph, extra)} a condition.`,
      edgePlace(extra),
    );
  }
  if (edges.length > 0 && edges.every((edge) => edge.condition === undefined)) {
    sink.add(
      'decision-without-conditions',
      `${describeNode(node)} has no condition edges, so it always takes the default; add conditions or remove the decision.`,
      { nodeId: node.id },
    );
  }
}

function checkOutcomeExits(
  sink: ProblemSink,
  graph: DefinitionGraph,
  node: WorkflowNode,
  edges: WorkflowEdge[],
): void {
  const infos = outcomeInfoOf(node);
  const names = infos.map((info) => info.outcome);
  const allowed = [...names, ...optionalOutcomesOf(node)];
  const open = hasOpenOutcomes(node);
  const covered = new Set<string>();
  for (const edge of edges) {
    const kinds = kindsOf(edge).filter((kind) => kind !== 'on');
    if (edge.on === undefined || kinds.length > 0) {
      const extra = kinds[0] ?? 'plain';
      sink.add(
        'edge-kind-mismatch',
        `${edgeSubject(graph, edge)} ${extra === 'plain' ? 'does not say which outcome it follows' : `has "${extra}"`}; ${describeNode(node)} leaves by its outcomes (${open ? "the child workflow's end outcomes" : allowed.join(', ')}), so set "on" to one of them.`,
        { ...edgePlace(edge), field: 'on' },
      );
    }
    if (typeof edge.on !== 'string') continue;
    if (!open && !allowed.includes(edge.on)) {
      sink.add(
        'unknown-outcome',
        `${edgeSubject(graph, edge)} follows the outcome "${edge.on.slice(0, 40)}", which ${describeNode(node)} does not have; use one of ${allowed.join(', ')}.`,
        {
          ...edgePlace(edge),
          field: 'on',
          params: { outcome: edge.on.slice(0, 40), outcomes: allowed.join(', ') },
        },
      );
    } else if (covered.has(edge.on)) {
      sink.add(
        'duplicate-outcome-edge',
        `${describeNode(node)} has two edges for the outcome "${edge.on}"; keep one (use a decision after it to branch).`,
        { ...edgePlace(edge), field: 'on', params: { outcome: edge.on } },
      );
    }
    covered.add(edge.on);
  }
  if (edges.length === 0) return; // no-way-out says it better
  for (const info of infos) {
    if (covered.has(info.outcome)) continue;
    const consequence =
      info.ifUncovered === 'warning' ? 'the ticket gets an incident' : 'the ticket gets stuck';
    sink.add(
      'uncovered-outcome',
      `${describeNode(node)} can end with "${info.outcome}", but no edge follows it, so ${consequence}; add an edge for "${info.outcome}".`,
      { nodeId: node.id, params: { outcome: info.outcome } },
      info.ifUncovered,
    );
  }
}

/**
 * Checks that every node leaves the way its type does (the node type registry, node-types.ts): start,
 * join and timer by one plain edge; parallel by plain edges; decision by condition edges
 * and exactly one default; task, approval, wait and action by `on` outcomes they have,
 * each outcome covered once. Also flags edges with more than one of on / condition / default.
 * Pure apart from `sink`.
 */
export function checkExits(sink: ProblemSink, graph: DefinitionGraph): void {
  for (const edge of graph.edges) {
    const kinds = kindsOf(edge);
    if (kinds.length > 1) {
      sink.add(
        'conflicting-edge-kinds',
        `${edgeSubject(graph, edge)} has ${kinds.join(' and ')}; an edge is either an outcome ("on"), a condition, or the default — keep one.`,
        edgePlace(edge),
      );
    }
  }
  for (const node of graph.nodes) {
    const edges = graph.outgoing.get(node.id) ?? [];
    const exits = nodeTypeInfo(node.type)?.exits;
    if (exits === 'single') checkSingleExit(sink, graph, node, edges);
    else if (exits === 'all') checkParallelExits(sink, graph, node, edges);
    else if (exits === 'conditions') checkDecisionExits(sink, graph, node, edges);
    else if (exits === 'outcomes') checkOutcomeExits(sink, graph, node, edges);
  }
}
