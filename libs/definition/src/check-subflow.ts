import type { SubflowNode } from './definition.types.js';
import { KEY_PATTERN } from './check-structure.js';
import { FIELD_NAME_PATTERN } from './check-fields.js';
import type { DefinitionGraph } from './definition-graph.js';
import { describeNode } from './node-types.js';
import type { ProblemSink } from './problem-sink.js';
import { WORD_PATTERN, checkTimeout } from './check-node-props.js';
import { expectKind, inside, isRecord, own, placeOf, type Where } from './structure-reader.js';

function checkMapping(sink: ProblemSink, node: Record<string, unknown>, key: string, where: Where): void {
  if (!expectKind(sink, node, key, 'object', where, false)) return;
  const mapping = node[key] as Record<string, unknown>;
  const at = inside(where, key);
  for (const name of Object.keys(mapping)) {
    const value = own(mapping, name);
    if (!FIELD_NAME_PATTERN.test(name) || typeof value !== 'string' || !FIELD_NAME_PATTERN.test(value)) {
      sink.add(
        'invalid-subflow',
        `${where.subject}: "${key}" maps field names to field names; "${name.slice(0, 40)}" → ${JSON.stringify(value)?.slice(0, 40)} is not that.`,
        { ...placeOf(at, name), params: { property: key } },
      );
    }
  }
}

/**
 * The shape of a sub-flow node: `workflowKey` a workflow key, `input` and `output` maps of field
 * names, `outcomes` a list of distinct outcome words, an optional `timeout`. Pure apart from `sink`.
 */
export function checkSubflowProps(sink: ProblemSink, node: Record<string, unknown>, where: Where): void {
  if (expectKind(sink, node, 'workflowKey', 'string', where, true)) {
    const key = node.workflowKey as string;
    if (key === '') {
      // A sub-flow just dropped in the Designer: not malformed, only not chosen yet.
      sink.add(
        'subflow-workflow-missing',
        `${where.subject} does not say which workflow it calls yet; pick a published workflow.`,
        placeOf(where, 'workflowKey'),
      );
    } else if (!KEY_PATTERN.test(key)) {
      sink.add(
        'invalid-subflow',
        `${where.subject}: "workflowKey" "${key.slice(0, 40)}" is not a workflow key (lower-case letters, digits and "-").`,
        { ...placeOf(where, 'workflowKey'), params: { property: 'workflowKey' } },
      );
    }
  }
  checkMapping(sink, node, 'input', where);
  checkMapping(sink, node, 'output', where);
  if (expectKind(sink, node, 'outcomes', 'array', where, false)) {
    const outcomes = node.outcomes as unknown[];
    const seen = new Set<unknown>();
    for (const outcome of outcomes) {
      if (typeof outcome !== 'string' || !WORD_PATTERN.test(outcome) || seen.has(outcome)) {
        sink.add(
          'invalid-subflow',
          `${where.subject}: "outcomes" lists the child's end outcomes, each one word and once; ${JSON.stringify(outcome)?.slice(0, 40)} is not.`,
          { ...placeOf(where, 'outcomes'), params: { property: 'outcomes' } },
        );
      }
      seen.add(outcome);
    }
  }
  checkTimeout(sink, node, where, false);
}

/**
 * Graph checks of sub-flows: the parent fields named by `input` (values) and `output` (keys)
 * are declared, and a workflow does not call itself directly. The child's fields and outcomes
 * are checked when publishing, against the child's latest published version. Pure apart from `sink`.
 */
export function checkSubflows(sink: ProblemSink, graph: DefinitionGraph, input: unknown): void {
  const ownKey = isRecord(input) ? own(input, 'key') : undefined;
  for (const node of graph.nodes) {
    if (node.type !== 'subflow') continue;
    const subflow = node as SubflowNode;
    if (typeof ownKey === 'string' && subflow.workflowKey === ownKey) {
      sink.add(
        'subflow-calls-itself',
        `${describeNode(node)} calls "${ownKey}", the workflow it belongs to; a workflow may not start itself as its own sub-flow.`,
        { nodeId: node.id, field: 'workflowKey', params: { workflowKey: ownKey } },
      );
    }
    const parentFields: [string, string][] = [
      ...Object.entries(isRecord(subflow.input) ? subflow.input : {}).map(
        ([child, parent]) => [`input.${child}`, parent] as [string, string],
      ),
      ...Object.keys(isRecord(subflow.output) ? subflow.output : {}).map(
        (parent) => [`output.${parent}`, parent] as [string, string],
      ),
    ];
    for (const [place, name] of parentFields) {
      if (typeof name !== 'string' || graph.fields.has(name)) continue;
      sink.add(
        'unknown-field',
        `${describeNode(node)} maps the field "${name.slice(0, 60)}" in "${place.split('.')[0]}", but the workflow does not declare it; declare it or pick another.`,
        { nodeId: node.id, field: place, params: { field: name.slice(0, 60) } },
      );
    }
  }
}
