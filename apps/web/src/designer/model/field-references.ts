import type { Condition, WorkflowDefinition, WorkflowEdge, WorkflowNode } from '@ticketflow/definition';

function renameKey<V>(record: Record<string, V>, from: string, to: string): Record<string, V> {
  if (!(from in record)) return record;
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k === from ? to : k, v]));
}

function renameInCondition(c: Condition, from: string, to: string): Condition {
  if ('all' in c) return { all: c.all.map((x) => renameInCondition(x, from, to)) };
  if ('any' in c) return { any: c.any.map((x) => renameInCondition(x, from, to)) };
  if ('not' in c) return { not: renameInCondition(c.not, from, to) };
  return c.fact === from ? { ...c, fact: to } : c;
}

function mentions(c: Condition, name: string): boolean {
  if ('all' in c) return c.all.some((x) => mentions(x, name));
  if ('any' in c) return c.any.some((x) => mentions(x, name));
  if ('not' in c) return mentions(c.not, name);
  return c.fact === name;
}

function renameInNode(node: WorkflowNode, from: string, to: string): WorkflowNode {
  switch (node.type) {
    case 'timer':
      return node.until === from ? { ...node, until: to } : node;
    case 'task':
    case 'approval': {
      const form = node.form;
      if (!form) return node;
      const rename = <E extends { field: string }>(entries: E[]) =>
        entries.map((f) => (f.field === from ? { ...f, field: to } : f));
      if (Array.isArray(form))
        return form.some((f) => f.field === from) ? ({ ...node, form: rename(form) } as WorkflowNode) : node;
      return form.fields.some((f) => f.field === from)
        ? { ...node, form: { ...form, fields: rename(form.fields) } } // keeps the form's file rule
        : node;
    }
    case 'action': {
      const a = node.action;
      if (a.type === 'set-fields' && from in a.values)
        return { ...node, action: { ...a, values: renameKey(a.values, from, to) } };
      if (a.type === 'http' && a.responseMapping && from in a.responseMapping) {
        return { ...node, action: { ...a, responseMapping: renameKey(a.responseMapping, from, to) } };
      }
      return node;
    }
    default:
      return node;
  }
}

/**
 * Points every use of field `from` at `to`: condition facts, timer `until`, task
 * forms, set-fields values and HTTP response mappings. Untouched nodes and edges
 * stay the same objects. Pure.
 */
export function renameFieldReferences(def: WorkflowDefinition, from: string, to: string): WorkflowDefinition {
  if (from === to) return def;
  const nodes = def.nodes.map((n) => renameInNode(n, from, to));
  const edges = def.edges.map((e): WorkflowEdge =>
    e.condition && mentions(e.condition, from)
      ? { ...e, condition: renameInCondition(e.condition, from, to) }
      : e,
  );
  return { ...def, nodes, edges };
}
