import type { WorkflowNode } from './definition.types.js';
import { reachableFrom, type DefinitionGraph } from './definition-graph.js';
import { describeNode } from './node-types.js';
import type { ProblemSink } from './problem-sink.js';
import { declaredFormEntries } from './step-form.js';
import { isRecord } from './structure-reader.js';

/** Field names a condition tree compares (facts), collected into `into`. Pure. */
export function conditionFacts(condition: unknown, into: Set<string> = new Set()): Set<string> {
  if (!isRecord(condition)) return into;
  if (typeof condition.fact === 'string') into.add(condition.fact);
  for (const key of ['all', 'any'] as const) {
    const list = condition[key];
    if (Array.isArray(list)) for (const item of list) conditionFacts(item, into);
  }
  if (condition.not !== undefined) conditionFacts(condition.not, into);
  return into;
}

function formPath(node: WorkflowNode, index: number): string {
  return Array.isArray((node as { form?: unknown }).form)
    ? `form.${index}.field`
    : `form.fields.${index}.field`;
}

/**
 * Checks task and approval forms against the workflow: every field they name
 * must be declared (error), and a step that may edit a field an earlier
 * decision already branched on gets a warning — the ticket would keep the
 * route chosen for the old value. Pure apart from `sink`.
 */
export function checkForms(sink: ProblemSink, graph: DefinitionGraph): void {
  const decidedBy = new Map<string, Set<string>>();
  for (const node of graph.nodes) {
    if (node.type !== 'decision') continue;
    const facts = new Set<string>();
    for (const edge of graph.outgoing.get(node.id) ?? []) conditionFacts(edge.condition, facts);
    decidedBy.set(node.id, facts);
  }
  for (const node of graph.nodes) {
    const entries = declaredFormEntries(node);
    if (entries === null) continue;
    const known = [...graph.fields.keys()].slice(0, 20).join(', ') || 'none declared';
    let before: Set<string> | undefined;
    const earlier = () =>
      (before ??= reachableFrom([node.id], (id) =>
        (graph.incoming.get(id) ?? []).map((edge) => edge.source),
      ));
    entries.forEach((entry, index) => {
      if (!graph.fields.has(entry.field)) {
        sink.add(
          'unknown-field',
          `${describeNode(node)} names the field "${entry.field.slice(0, 60)}" in its form, but the workflow does not declare it (fields: ${known}); declare it or remove it from the form.`,
          { nodeId: node.id, field: formPath(node, index), params: { field: entry.field.slice(0, 60) } },
        );
        return;
      }
      if (entry.mode !== 'edit') return;
      const decision = [...decidedBy.entries()].find(
        ([id, facts]) => id !== node.id && earlier().has(id) && facts.has(entry.field),
      );
      if (decision) {
        const decisionNode = graph.nodeById.get(decision[0]) as WorkflowNode;
        sink.add(
          'form-edits-decided-field',
          `${describeNode(node)} may edit "${entry.field}", which ${describeNode(decisionNode)} already branched on; a changed value will not re-route the ticket. Make it read-only, or decide after this step.`,
          {
            nodeId: node.id,
            field: formPath(node, index),
            params: { field: entry.field.slice(0, 60), decision: decisionNode.name ?? decisionNode.id },
          },
        );
      }
    });
  }
}
