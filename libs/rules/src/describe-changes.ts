import type { Condition, DefinitionChange, FieldDefinition, WorkflowDefinition, WorkflowEdge, WorkflowNode } from '@ticketflow/definition';
import { describeCondition, formatValue } from './describe-condition.js';
import type { DescribeLocale } from './operators.js';

/** One difference in words, with the node or edge it concerns (to highlight it on a diagram). */
export interface ChangeText {
  text: string;
  nodeId?: string;
  edgeId?: string;
  field?: string;
}

type Words = {
  q: (text: string) => string;
  workflow: (property: string, from: string, to: string) => string;
  fieldAdded: (name: string) => string;
  fieldRemoved: (name: string) => string;
  fieldChanged: (name: string, property: string, from: string, to: string) => string;
  nodeAdded: (node: string) => string;
  nodeRemoved: (node: string) => string;
  nodeChanged: (node: string, property: string, from: string, to: string) => string;
  edgeAdded: (edge: string) => string;
  edgeRemoved: (edge: string) => string;
  conditionChanged: (edge: string, from: string, to: string) => string;
  edgeChanged: (edge: string, property: string, from: string, to: string) => string;
  none: string;
};

const WORDS: Record<DescribeLocale, Words> = {
  en: {
    q: (text) => `“${text}”`,
    workflow: (property, from, to) => `workflow ${property} changed from ${from} to ${to}`,
    fieldAdded: (name) => `field ${name} added`,
    fieldRemoved: (name) => `field ${name} removed`,
    fieldChanged: (name, property, from, to) => `${property} of field ${name} changed from ${from} to ${to}`,
    nodeAdded: (node) => `${node} added`,
    nodeRemoved: (node) => `${node} removed`,
    nodeChanged: (node, property, from, to) => `${property} of ${node} changed from ${from} to ${to}`,
    edgeAdded: (edge) => `path ${edge} added`,
    edgeRemoved: (edge) => `path ${edge} removed`,
    conditionChanged: (edge, from, to) => `condition on ${edge} changed from ${from} to ${to}`,
    edgeChanged: (edge, property, from, to) => `${property} of path ${edge} changed from ${from} to ${to}`,
    none: 'none',
  },
  zh: {
    q: (text) => `“${text}”`,
    workflow: (property, from, to) => `流程的${property}从 ${from} 改为 ${to}`,
    fieldAdded: (name) => `新增字段 ${name}`,
    fieldRemoved: (name) => `删除字段 ${name}`,
    fieldChanged: (name, property, from, to) => `字段 ${name} 的${property}从 ${from} 改为 ${to}`,
    nodeAdded: (node) => `新增 ${node}`,
    nodeRemoved: (node) => `删除 ${node}`,
    nodeChanged: (node, property, from, to) => `${node} 的${property}从 ${from} 改为 ${to}`,
    edgeAdded: (edge) => `新增路径 ${edge}`,
    edgeRemoved: (edge) => `删除路径 ${edge}`,
    conditionChanged: (edge, from, to) => `${edge} 的条件从 ${from} 改为 ${to}`,
    edgeChanged: (edge, property, from, to) => `路径 ${edge} 的${property}从 ${from} 改为 ${to}`,
    none: '无',
  },
};

/**
 * Puts the structured changes of `diffDefinitions` into sentences a process
 * owner reads: "condition on “Refund amount? → Finance approval” changed from
 * “Refund amount > 5,000” to “Refund amount > 3,000”". Nodes are named by
 * their name (else id) as they read in the version they belong to; conditions
 * use `describeCondition` with each side's own field labels. Pure.
 */
export function describeChanges(
  changes: readonly DefinitionChange[],
  before: WorkflowDefinition,
  after: WorkflowDefinition,
  locale: DescribeLocale = 'en',
): ChangeText[] {
  const w = WORDS[locale];
  const nodeName = (node: WorkflowNode | undefined, id: string) => w.q(node?.name?.trim() || id);
  const nameIn = (definition: WorkflowDefinition, id: string) => nodeName(definition.nodes.find((node) => node.id === id), id);
  const edgeName = (definition: WorkflowDefinition, edge: WorkflowEdge) =>
    w.q(`${stripQuotes(nameIn(definition, edge.source))} → ${stripQuotes(nameIn(definition, edge.target))}`);
  const value = (v: unknown, fields: FieldDefinition[]) => show(v, fields, locale, w);
  return changes.map((change): ChangeText => {
    switch (change.kind) {
      case 'workflow-changed':
        return { text: w.workflow(change.property, value(change.before, []), value(change.after, [])) };
      case 'field-added':
        return { text: w.fieldAdded(w.q(change.field.label ?? change.field.name)), field: change.field.name };
      case 'field-removed':
        return { text: w.fieldRemoved(w.q(change.field.label ?? change.field.name)), field: change.field.name };
      case 'field-changed':
        return { text: w.fieldChanged(w.q(change.name), change.property, value(change.before, []), value(change.after, [])), field: change.name };
      case 'node-added':
        return { text: w.nodeAdded(nodeName(change.node, change.node.id)), nodeId: change.node.id };
      case 'node-removed':
        return { text: w.nodeRemoved(nodeName(change.node, change.node.id)), nodeId: change.node.id };
      case 'node-changed':
        return {
          text: w.nodeChanged(nameIn(before, change.nodeId), change.property, value(change.before, before.fields), value(change.after, after.fields)),
          nodeId: change.nodeId,
        };
      case 'edge-added':
        return { text: w.edgeAdded(edgeName(after, change.edge)), edgeId: change.edge.id };
      case 'edge-removed':
        return { text: w.edgeRemoved(edgeName(before, change.edge)), edgeId: change.edge.id };
      case 'edge-changed':
        if (change.property === 'condition') {
          const from = change.before === undefined ? w.none : w.q(describeCondition(change.before as Condition, before.fields, locale));
          const to = change.after === undefined ? w.none : w.q(describeCondition(change.after as Condition, after.fields, locale));
          return { text: w.conditionChanged(edgeName(after, change.edge), from, to), edgeId: change.edgeId };
        }
        return {
          text: w.edgeChanged(edgeName(after, change.edge), change.property, value(change.before, before.fields), value(change.after, after.fields)),
          edgeId: change.edgeId,
        };
    }
  });
}

function stripQuotes(text: string): string {
  return text.replace(/^“|”$/g, '');
}

function show(value: unknown, fields: FieldDefinition[], locale: DescribeLocale, w: Words): string {
  if (value === undefined) return w.none;
  if (typeof value === 'string') return w.q(value);
  if (value !== null && typeof value === 'object' && ('all' in value || 'any' in value || 'not' in value || 'fact' in value)) {
    return w.q(describeCondition(value as Condition, fields, locale));
  }
  return formatValue(value, locale);
}
