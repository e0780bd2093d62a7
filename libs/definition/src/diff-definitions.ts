import type { WorkflowDefinition } from './definition.types.js';
import type {
  ChangedElement,
  DefinitionChange,
  DefinitionDiff,
  DiffOptions,
  PropertyChange,
} from './diff-definitions.types.js';

const WORKFLOW_PROPERTIES = ['name', 'description', 'requesterPriority', 'conditionsPublic'] as const;

/**
 * Compares two definitions (two versions, or a version and the draft) by node,
 * edge and field identity: ids for nodes and edges, names for fields. Returns
 * what was added, removed and changed, each change naming the property with
 * its value before and after (a changed condition, a new approver role, an
 * edge pointing elsewhere). Node positions are layout and ignored unless
 * `includeLayout`. Pure: the inputs are not modified.
 */
export function diffDefinitions(
  before: WorkflowDefinition,
  after: WorkflowDefinition,
  options: DiffOptions = {},
): DefinitionDiff {
  const ignore = new Set(options.includeLayout ? ['id'] : ['id', 'position']);
  const changes: DefinitionChange[] = [];
  for (const property of WORKFLOW_PROPERTIES) {
    if (!sameValue(before[property], after[property]))
      changes.push({ kind: 'workflow-changed', property, before: before[property], after: after[property] });
  }

  const fields = compare(before.fields ?? [], after.fields ?? [], (field) => field.name, new Set(['name']));
  for (const field of fields.added) changes.push({ kind: 'field-added', field });
  for (const field of fields.removed) changes.push({ kind: 'field-removed', field });
  for (const changed of fields.changed) {
    for (const change of changed.changes)
      changes.push({ kind: 'field-changed', name: changed.id, ...change });
  }

  const nodes = compare(before.nodes ?? [], after.nodes ?? [], (node) => node.id, ignore);
  for (const node of nodes.added) changes.push({ kind: 'node-added', node });
  for (const node of nodes.removed) changes.push({ kind: 'node-removed', node });
  for (const changed of nodes.changed) {
    for (const change of changed.changes)
      changes.push({ kind: 'node-changed', nodeId: changed.id, node: changed.after, ...change });
  }

  const edges = compare(before.edges ?? [], after.edges ?? [], (edge) => edge.id, new Set(['id']));
  for (const edge of edges.added) changes.push({ kind: 'edge-added', edge });
  for (const edge of edges.removed) changes.push({ kind: 'edge-removed', edge });
  for (const changed of edges.changed) {
    for (const change of changed.changes)
      changes.push({ kind: 'edge-changed', edgeId: changed.id, edge: changed.after, ...change });
  }

  return { identical: changes.length === 0, nodes, edges, fields, changes };
}

function compare<T extends object>(
  before: readonly T[],
  after: readonly T[],
  idOf: (item: T) => string,
  ignore: ReadonlySet<string>,
) {
  const beforeById = new Map(before.map((item) => [idOf(item), item]));
  const afterIds = new Set(after.map(idOf));
  const added: T[] = [];
  const changed: ChangedElement<T>[] = [];
  for (const item of after) {
    const id = idOf(item);
    const old = beforeById.get(id);
    if (old === undefined) {
      added.push(item);
      continue;
    }
    const properties = propertyChanges(old, item, ignore);
    if (properties.length > 0) changed.push({ id, before: old, after: item, changes: properties });
  }
  const removed = before.filter((item) => !afterIds.has(idOf(item)));
  return { added, removed, changed };
}

function propertyChanges(before: object, after: object, ignore: ReadonlySet<string>): PropertyChange[] {
  const a = before as Record<string, unknown>;
  const b = after as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((key) => !ignore.has(key));
  return keys
    .filter((key) => !sameValue(a[key], b[key]))
    .map((property) => ({ property, before: a[property], after: b[property] }));
}

/** Deep equality of JSON values, key order ignored; `undefined` equals a missing key. Pure. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((item, i) => sameValue(item, b[i]));
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(x), ...Object.keys(y)]);
  for (const key of keys) if (!sameValue(x[key], y[key])) return false;
  return true;
}
