import type { Condition, FieldDefinition, WorkflowEdge, WorkflowNode } from './definition.types.js';
import { describeNodeId, edgePlace, type DefinitionGraph } from './definition-graph.js';
import { orderDecisionEdges } from './decision-order.js';
import { describeNode } from './node-types.js';
import {
  formatInterval,
  intersect,
  intervalOf,
  isEmpty,
  uncovered,
  type NumericInterval,
} from './numeric-interval.js';
import type { ProblemSink } from './problem-sink.js';
import { isRecord } from './structure-reader.js';

interface RangeEdge {
  edge: WorkflowEdge;
  field: FieldDefinition;
  interval: NumericInterval;
}

/**
 * The single numeric field and interval a condition admits: one comparison
 * (`=`, `<`, `<=`, `>`, `>=`) on a number field with a number, or `all` of such on one
 * field. Anything else (any, not, in, several fields) returns null: not analysed.
 */
function rangeOf(
  graph: DefinitionGraph,
  condition: Condition | undefined,
): { field: FieldDefinition; interval: NumericInterval } | null {
  if (!isRecord(condition)) return null;
  if (
    'all' in condition &&
    Array.isArray(condition.all) &&
    condition.all.length > 0 &&
    Object.keys(condition).length === 1
  ) {
    let result: { field: FieldDefinition; interval: NumericInterval } | null = null;
    for (const part of condition.all) {
      const range = rangeOf(graph, part);
      if (range === null || (result !== null && range.field !== result.field)) return null;
      result = {
        field: range.field,
        interval: result === null ? range.interval : intersect(result.interval, range.interval),
      };
    }
    return result;
  }
  if (!('fact' in condition) || typeof condition.fact !== 'string' || typeof condition.operator !== 'string')
    return null;
  const field = graph.fields.get(condition.fact);
  if (field?.type !== 'number' || typeof condition.value !== 'number' || !Number.isFinite(condition.value))
    return null;
  const interval = intervalOf(condition.operator, condition.value);
  return interval === null ? null : { field, interval };
}

function domainOf(field: FieldDefinition): NumericInterval {
  const lo =
    typeof field.min === 'number' && Number.isFinite(field.min)
      ? { lo: field.min, loOpen: false }
      : { lo: -Infinity, loOpen: true };
  const hi =
    typeof field.max === 'number' && Number.isFinite(field.max)
      ? { hi: field.max, hiOpen: false }
      : { hi: Infinity, hiOpen: true };
  return { ...lo, ...hi };
}

function edgeText(graph: DefinitionGraph, range: RangeEdge): string {
  return `the edge to ${describeNodeId(graph, range.edge.target)} (${formatInterval(range.field.name, range.interval)})`;
}

/** Range analysis is quadratic in a decision's edges; past this many, it is skipped. */
const MAX_ANALYSED_EDGES = 200;

function checkDecision(sink: ProblemSink, graph: DefinitionGraph, node: WorkflowNode): void {
  const ordered = orderDecisionEdges(graph.outgoing.get(node.id) ?? []);
  const conditionEdges = ordered.filter((edge) => edge.default !== true && edge.condition !== undefined);
  if (conditionEdges.length > MAX_ANALYSED_EDGES) return;
  const ranges: RangeEdge[] = [];
  for (const edge of conditionEdges) {
    const range = rangeOf(graph, edge.condition);
    if (range === null) continue;
    const current: RangeEdge = { edge, ...range };
    const name = range.field.name;
    if (isEmpty(range.interval)) {
      sink.add(
        'impossible-condition',
        `In ${describeNode(node)}, the condition of the edge to ${describeNodeId(graph, edge.target)} can never hold: no ${name} meets all of its comparisons. Fix the numbers.`,
        { ...edgePlace(edge), field: 'condition' },
      );
      continue;
    }
    const earlier = ranges.filter((other) => other.field === range.field);
    if (
      earlier.length > 0 &&
      uncovered(
        earlier.map((other) => other.interval),
        range.interval,
      ).length === 0
    ) {
      sink.add(
        'unreachable-condition',
        `In ${describeNode(node)}, ${edgeText(graph, current)} is never taken: edges tried before it already match every such ${name}. Change its range or its priority.`,
        { ...edgePlace(edge), field: 'condition' },
      );
    } else {
      // One warning per edge, naming the first earlier edge it overlaps.
      for (const other of earlier) {
        const both = intersect(other.interval, range.interval);
        if (isEmpty(both)) continue;
        sink.add(
          'overlapping-conditions',
          `In ${describeNode(node)}, ${edgeText(graph, other)} and ${edgeText(graph, current)} both match ${formatInterval(name, both)}; the first by priority wins. Make the ranges not overlap, or keep it if that is intended.`,
          { ...edgePlace(edge), field: 'condition' },
        );
        break;
      }
    }
    ranges.push(current);
  }
  const hasDefault = ordered.some((edge) => edge.default === true);
  const first = ranges[0];
  if (hasDefault || first === undefined || ranges.length !== conditionEdges.length) return;
  if (ranges.some((range) => range.field !== first.field)) return;
  const gaps = uncovered(
    ranges.map((range) => range.interval),
    domainOf(first.field),
  );
  if (gaps.length === 0) return;
  const listed = gaps
    .slice(0, 5)
    .map((gap) => formatInterval(first.field.name, gap))
    .join('; ');
  sink.add(
    'uncovered-range',
    `${describeNode(node)} has no edge for ${listed}, and no default edge; cover these values or add a default edge.`,
    { nodeId: node.id },
  );
}

/**
 * For decisions whose condition edges compare one number field (`>`, `>=`, `<`, `<=`, `=`,
 * or `all` of those): warns about impossible conditions, overlapping ranges and edges that
 * earlier ones always beat (in `orderDecisionEdges` order), and — when there is no default
 * edge — the values no edge covers within the field's min/max. Decisions with more than 200
 * condition edges are not analysed (the analysis is quadratic). Pure apart from `sink`.
 */
export function checkRanges(sink: ProblemSink, graph: DefinitionGraph): void {
  for (const node of graph.nodes) {
    if (node.type === 'decision') checkDecision(sink, graph, node);
  }
}
