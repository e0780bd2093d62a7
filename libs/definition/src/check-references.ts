import type { FieldDefinition, WorkflowNode } from './definition.types.js';
import { checkAssigneeReferences } from './check-assignee.js';
import type { DefinitionGraph } from './definition-graph.js';
import { describeNode } from './node-types.js';
import { explainValueMismatch } from './operators.js';
import { quote, type ProblemSink } from './problem-sink.js';
import { isRecord } from './structure-reader.js';

function unknownField(
  sink: ProblemSink,
  graph: DefinitionGraph,
  node: WorkflowNode,
  name: string,
  where: string,
  field: string,
): void {
  const known = [...graph.fields.keys()].slice(0, 20).join(', ') || 'none declared';
  sink.add(
    'unknown-field',
    `${describeNode(node)} uses the field "${name.slice(0, 60)}" in ${where}, but the workflow does not declare it (fields: ${known}); declare it or pick another.`,
    { nodeId: node.id, field, params: { field: name.slice(0, 60) } },
  );
}

function checkSetFields(
  sink: ProblemSink,
  graph: DefinitionGraph,
  node: WorkflowNode,
  values: Record<string, unknown>,
): void {
  for (const [name, value] of Object.entries(values)) {
    const field = graph.fields.get(name);
    if (field === undefined) {
      unknownField(sink, graph, node, name, 'its set-fields action', `action.values.${name}`);
      continue;
    }
    checkFieldValue(sink, node, field, value, `action.values.${name}`);
  }
}

function checkFieldValue(
  sink: ProblemSink,
  node: WorkflowNode,
  field: FieldDefinition,
  value: unknown,
  place: string,
): void {
  const reason = explainValueMismatch(field, value);
  if (reason !== null) {
    sink.add(
      'value-type-mismatch',
      `${describeNode(node)} sets "${field.name}" to ${quote(value)}, but it ${reason}.`,
      { nodeId: node.id, field: place, params: { field: field.label ?? field.name } },
    );
  } else if (
    field.type === 'enum' &&
    Array.isArray(field.options) &&
    !field.options.includes(value as string)
  ) {
    sink.add(
      'unknown-enum-value',
      `${describeNode(node)} sets "${field.name}" to ${quote(value)}, which is not one of its options (${field.options.slice(0, 20).join(', ')}).`,
      { nodeId: node.id, field: place, params: { field: field.label ?? field.name, value: quote(value) } },
    );
  }
}

/**
 * Checks that nodes name only declared fields, and use them as their type allows: a
 * timer's `until` must be a date field, an action's set-fields
 * values and responseMapping targets must be declared, set-fields values must fit. Pure
 * apart from `sink`.
 */
export function checkReferences(sink: ProblemSink, graph: DefinitionGraph): void {
  checkAssigneeReferences(sink, graph);
  for (const node of graph.nodes) {
    if (node.type === 'timer' && typeof node.until === 'string') {
      const field = graph.fields.get(node.until);
      if (field === undefined) unknownField(sink, graph, node, node.until, '"until"', 'until');
      else if (field.type !== 'date') {
        sink.add(
          'invalid-timer',
          `${describeNode(node)} waits until "${field.name}", which is a ${String(field.type)} field; "until" needs a date field.`,
          { nodeId: node.id, field: 'until', params: { field: field.label ?? field.name } },
        );
      }
    }
    if (node.type === 'action' && isRecord(node.action)) {
      const action = node.action as unknown as Record<string, unknown>;
      if (action.type === 'set-fields' && isRecord(action.values))
        checkSetFields(sink, graph, node, action.values);
      if (action.type === 'document' && Array.isArray(action.fields)) {
        for (const name of action.fields) {
          if (typeof name === 'string' && !graph.fields.has(name))
            unknownField(sink, graph, node, name, 'its document', 'action.fields');
        }
      }
      if (action.type === 'http' && isRecord(action.responseMapping)) {
        for (const name of Object.keys(action.responseMapping)) {
          if (!graph.fields.has(name))
            unknownField(sink, graph, node, name, 'its response mapping', `action.responseMapping.${name}`);
        }
      }
    }
  }
}
