import type { FieldDefinition, WorkflowEdge } from './definition.types.js';
import { edgePlace, edgeSubject, type DefinitionGraph } from './definition-graph.js';
import {
  explainValueMismatch,
  isOperatorName,
  OPERATORS,
  OPERATORS_BY_FIELD_TYPE,
  operatorFitsFieldType,
} from './operators.js';
import { quote, type ProblemSink } from './problem-sink.js';
import { isRecord, own } from './structure-reader.js';

const FACT_KEYS = ['fact', 'operator', 'value', 'path'];

interface ConditionContext {
  sink: ProblemSink;
  graph: DefinitionGraph;
  edge: WorkflowEdge;
  subject: string;
}

function report(
  ctx: ConditionContext,
  code: Parameters<ProblemSink['add']>[0],
  message: string,
  path: string,
): void {
  ctx.sink.add(code, `${ctx.subject}: ${message}`, { ...edgePlace(ctx.edge), field: 'condition', path });
}

function checkValue(ctx: ConditionContext, field: FieldDefinition, value: unknown, path: string): void {
  const reason = explainValueMismatch(field, value);
  if (reason !== null) {
    report(ctx, 'value-type-mismatch', `the value ${quote(value)} for "${field.name}" ${reason}.`, path);
    return;
  }
  if (field.type === 'enum' && Array.isArray(field.options) && !field.options.includes(value as string)) {
    report(
      ctx,
      'unknown-enum-value',
      `${quote(value)} is not an option of "${field.name}"; use one of ${field.options.slice(0, 20).join(', ')}.`,
      path,
    );
  }
}

function checkFact(ctx: ConditionContext, condition: Record<string, unknown>, path: string): void {
  for (const key of Object.keys(condition)) {
    if (!FACT_KEYS.includes(key))
      report(
        ctx,
        'invalid-condition',
        `a comparison has the unknown property "${key.slice(0, 40)}"; it takes fact, operator and value.`,
        path,
      );
  }
  const fact = own(condition, 'fact');
  const operator = own(condition, 'operator');
  const value = own(condition, 'value');
  if (typeof fact !== 'string') {
    report(ctx, 'invalid-condition', 'a comparison needs "fact", the name of a field.', path);
    return;
  }
  const field = ctx.graph.fields.get(fact);
  if (field === undefined) {
    const known = [...ctx.graph.fields.keys()].slice(0, 20).join(', ') || 'none declared';
    report(
      ctx,
      'unknown-field',
      `the condition uses the field "${fact.slice(0, 60)}", which the workflow does not declare (fields: ${known}); declare it or pick another.`,
      `${path}/fact`,
    );
    return;
  }
  if (!isOperatorName(operator)) {
    report(
      ctx,
      'unknown-operator',
      `${quote(operator)} is not an operator; use one of ${Object.keys(OPERATORS).join(', ')}.`,
      `${path}/operator`,
    );
    return;
  }
  const allowed = OPERATORS_BY_FIELD_TYPE[field.type];
  if (allowed === undefined) return; // the field's own type is wrong: reported with the field
  if (!operatorFitsFieldType(operator, field.type)) {
    report(
      ctx,
      'operator-type-mismatch',
      `"${operator}" does not apply to the ${field.type} field "${field.name}"; use one of ${allowed.join(', ')}.`,
      `${path}/operator`,
    );
    return;
  }
  if (!Object.hasOwn(condition, 'value')) {
    report(ctx, 'invalid-condition', `the comparison on "${field.name}" needs a value.`, path);
  } else if (OPERATORS[operator].value === 'list') {
    if (!Array.isArray(value) || value.length === 0) {
      report(
        ctx,
        'value-type-mismatch',
        `"${operator}" on "${field.name}" needs a non-empty list of values.`,
        `${path}/value`,
      );
      return;
    }
    value.slice(0, 100).forEach((entry, index) => checkValue(ctx, field, entry, `${path}/value/${index}`));
  } else {
    checkValue(ctx, field, value, `${path}/value`);
  }
}

function checkNode(ctx: ConditionContext, condition: unknown, path: string): void {
  if (!isRecord(condition)) {
    report(
      ctx,
      'invalid-condition',
      'each part of a condition must be an object: { all: [...] }, { any: [...] }, { not: {...} } or { fact, operator, value }.',
      path,
    );
    return;
  }
  const groups = ['all', 'any', 'not'].filter((key) => Object.hasOwn(condition, key));
  const isFact = Object.hasOwn(condition, 'fact') || Object.hasOwn(condition, 'operator');
  if (groups.length + (isFact ? 1 : 0) !== 1) {
    report(
      ctx,
      'invalid-condition',
      'each part of a condition must be exactly one of all, any, not, or a comparison { fact, operator, value }.',
      path,
    );
    return;
  }
  const [group] = groups;
  if (group === undefined) {
    checkFact(ctx, condition, path);
    return;
  }
  const extra = Object.keys(condition).filter((key) => key !== group);
  if (extra.length > 0)
    report(ctx, 'invalid-condition', `"${group}" cannot be combined with "${extra[0]?.slice(0, 40)}".`, path);
  const inner = condition[group];
  if (group === 'not') {
    checkNode(ctx, inner, `${path}/not`);
  } else if (!Array.isArray(inner) || inner.length === 0) {
    report(ctx, 'invalid-condition', `"${group}" needs a non-empty list of conditions.`, `${path}/${group}`);
  } else {
    inner.forEach((child, index) => checkNode(ctx, child, `${path}/${group}/${index}`));
  }
}

/**
 * Checks every edge condition: well-formed all / any / not / comparison trees that name
 * only declared fields, with operators that apply to the field type and values that fit it
 * (a number field compared with "5000" is an error; enum values must be options). Depth is
 * already bounded by the size check. Pure apart from `sink`.
 */
export function checkConditions(sink: ProblemSink, graph: DefinitionGraph): void {
  for (const edge of graph.edges) {
    if (edge.condition === undefined || !isRecord(edge.condition)) continue;
    const index = graph.edgeIndex.get(edge) ?? 0;
    const ctx: ConditionContext = { sink, graph, edge, subject: edgeSubject(graph, edge) };
    checkNode(ctx, edge.condition, `/edges/${index}/condition`);
  }
}
