import type { Condition, FactCondition, FieldDefinition } from '@ticketflow/definition';
import { operatorsForType } from '../model/pure-libs';

/**
 * The no-code condition builder's model: a json-rules-engine condition edited as a
 * tree of groups (all / any), negations (not) and rules ({ fact, operator, value }).
 * A path is the list of child indices from the root group. Everything here is pure.
 */
export type Path = readonly number[];
export type GroupKind = 'all' | 'any';

/** Multi-value operators take a list. */
export const LIST_OPERATORS = new Set(['in', 'notIn']);

/** The root the builder edits: always a group, so rules can be added to it. */
export function normalizeRoot(condition: Condition | undefined): Condition {
  if (!condition) return { all: [] };
  if ('all' in condition || 'any' in condition) return condition;
  return { all: [condition] };
}

export function childrenOf(c: Condition): Condition[] {
  if ('all' in c) return c.all;
  if ('any' in c) return c.any;
  if ('not' in c) return [c.not];
  return [];
}

function withChildren(c: Condition, children: Condition[]): Condition {
  if ('all' in c) return { all: children };
  if ('any' in c) return { any: children };
  if ('not' in c) return { not: children[0]! };
  return c;
}

/** Replaces the node at `path` with `fn(node)`; `fn` returning null removes it. */
export function updateAt(root: Condition, path: Path, fn: (c: Condition) => Condition | null): Condition {
  if (path.length === 0) return fn(root) ?? { all: [] };
  const [head, ...rest] = path;
  const children = childrenOf(root);
  const next: Condition[] = [];
  children.forEach((child, i) => {
    if (i !== head) next.push(child);
    else {
      const replaced = rest.length === 0 ? fn(child) : updateAt(child, rest, fn);
      if (replaced) next.push(replaced);
    }
  });
  if ('not' in root && next.length === 0) return { all: [] };
  return withChildren(root, next);
}

export function getAt(root: Condition, path: Path): Condition | undefined {
  let node: Condition | undefined = root;
  for (const i of path) node = node ? childrenOf(node)[i] : undefined;
  return node;
}

/** A value that fits the field and operator, to start a new rule with. */
export function defaultValue(field: FieldDefinition | undefined, operator: string): unknown {
  if (LIST_OPERATORS.has(operator)) return [];
  switch (field?.type) {
    case 'number':
      return 0;
    case 'boolean':
      return true;
    case 'enum':
      return field.options?.[0] ?? '';
    case 'date':
      return new Date().toISOString().slice(0, 10);
    default:
      return '';
  }
}

/** A new rule on `field` with its type's first operator. */
export function newRule(field: FieldDefinition): FactCondition {
  const operator = operatorsForType(field.type)[0] ?? 'equal';
  return { fact: field.name, operator, value: defaultValue(field, operator) };
}

export function addChild(root: Condition, groupPath: Path, child: Condition): Condition {
  return updateAt(root, groupPath, (g) => withChildren(g, [...childrenOf(g), child]));
}

export function removeAt(root: Condition, path: Path): Condition {
  return updateAt(root, path, () => null);
}

export function setGroupKind(root: Condition, path: Path, kind: GroupKind): Condition {
  return updateAt(root, path, (g) => (kind === 'all' ? { all: childrenOf(g) } : { any: childrenOf(g) }));
}

/** Wraps the node at `path` in a `not`, or unwraps it if it already is one. */
export function toggleNot(root: Condition, path: Path): Condition {
  return updateAt(root, path, (c) => ('not' in c ? c.not : { not: c }));
}

/** Points a rule at another field, keeping operator and value when they still fit. */
export function changeField(rule: FactCondition, field: FieldDefinition): FactCondition {
  const ops = operatorsForType(field.type);
  const operator = ops.includes(rule.operator) ? rule.operator : (ops[0] ?? 'equal');
  const value = coerceValue(field, operator, rule.value);
  return { fact: field.name, operator, value: value === undefined ? defaultValue(field, operator) : value };
}

export function changeOperator(
  rule: FactCondition,
  field: FieldDefinition | undefined,
  operator: string,
): FactCondition {
  const wasList = LIST_OPERATORS.has(rule.operator);
  const isList = LIST_OPERATORS.has(operator);
  if (wasList === isList) return { ...rule, operator };
  const value = isList
    ? rule.value === '' || rule.value === undefined
      ? []
      : [rule.value]
    : Array.isArray(rule.value) && rule.value.length
      ? rule.value[0]
      : defaultValue(field, operator);
  return { ...rule, operator, value };
}

/**
 * Turns what an input produced (text, a checkbox, a multi-select) into a value of
 * the field's type; undefined when it cannot (e.g. "abc" for a number).
 */
export function coerceValue(field: FieldDefinition | undefined, operator: string, raw: unknown): unknown {
  if (LIST_OPERATORS.has(operator)) {
    const items = Array.isArray(raw)
      ? raw
      : String(raw ?? '')
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean);
    const coerced = items.map((item) => coerceValue(field, 'equal', item));
    return coerced.some((v) => v === undefined) ? undefined : coerced;
  }
  switch (field?.type) {
    case 'number': {
      if (typeof raw === 'number') return Number.isFinite(raw) ? raw : undefined;
      const text = String(raw ?? '').trim();
      if (text === '' || Number.isNaN(Number(text))) return undefined;
      return Number(text);
    }
    case 'boolean':
      return raw === true || raw === 'true' ? true : raw === false || raw === 'false' ? false : undefined;
    case 'enum':
      return field.options?.includes(String(raw)) ? String(raw) : undefined;
    case 'date':
      return /^\d{4}-\d{2}-\d{2}/.test(String(raw)) ? String(raw) : undefined;
    default:
      return raw === undefined || raw === null ? undefined : String(raw);
  }
}

/** Number of rules in the tree (an empty group is "always true" and worth a hint). */
export function countRules(c: Condition): number {
  return 'fact' in c ? 1 : childrenOf(c).reduce((n, child) => n + countRules(child), 0);
}
