import type {
  DefinitionChange,
  FieldDefinition,
  WorkflowDefinition,
  WorkflowEdge,
  WorkflowNode,
} from '@ticketflow/definition';
import { describeProperty, describeValue } from './describe-values.js';
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
  edgeChanged: (edge: string, property: string, from: string, to: string) => string;
};

// One pattern for every change: "<what>: <property> <before> → <after>", in the reader's language and punctuation.
const WORDS: Record<DescribeLocale, Words> = {
  en: {
    q: (text) => `“${text}”`,
    workflow: (property, from, to) => `Workflow: ${property} ${from} → ${to}`,
    fieldAdded: (name) => `New field ${name}`,
    fieldRemoved: (name) => `Field ${name} removed`,
    fieldChanged: (name, property, from, to) => `Field ${name}: ${property} ${from} → ${to}`,
    nodeAdded: (node) => `New step ${node}`,
    nodeRemoved: (node) => `Step ${node} removed`,
    nodeChanged: (node, property, from, to) => `${node}: ${property} ${from} → ${to}`,
    edgeAdded: (edge) => `New path ${edge}`,
    edgeRemoved: (edge) => `Path ${edge} removed`,
    edgeChanged: (edge, property, from, to) => `Path ${edge}: ${property} ${from} → ${to}`,
  },
  zh: {
    q: (text) => `“${text}”`,
    workflow: (property, from, to) => `流程：${property} ${from} → ${to}`,
    fieldAdded: (name) => `新增字段${name}`,
    fieldRemoved: (name) => `删除字段${name}`,
    fieldChanged: (name, property, from, to) => `字段${name}：${property} ${from} → ${to}`,
    nodeAdded: (node) => `新增步骤${node}`,
    nodeRemoved: (node) => `删除步骤${node}`,
    nodeChanged: (node, property, from, to) => `${node}：${property} ${from} → ${to}`,
    edgeAdded: (edge) => `新增路径${edge}`,
    edgeRemoved: (edge) => `删除路径${edge}`,
    edgeChanged: (edge, property, from, to) => `路径${edge}：${property} ${from} → ${to}`,
  },
};

/**
 * Puts the structured changes of `diffDefinitions` into sentences a process
 * owner reads, in English or Chinese: "Finance approval: timeout 48 hours →
 * 24 hours", "Path “Refund amount? → Finance approval”: condition when Refund
 * amount > 5,000 → when Refund amount > 3,000". Nodes are named by their name
 * (else id) as they read in the version they belong to; values are worded by
 * what they are (durations with units, people, approval rules, conditions
 * with each side's own field labels), never raw JSON. Pure.
 */
export function describeChanges(
  changes: readonly DefinitionChange[],
  before: WorkflowDefinition,
  after: WorkflowDefinition,
  locale: DescribeLocale = 'en',
): ChangeText[] {
  const w = WORDS[locale];
  const nodeName = (node: WorkflowNode | undefined, id: string) => w.q(node?.name?.trim() || id);
  const nameIn = (definition: WorkflowDefinition, id: string) =>
    nodeName(
      definition.nodes.find((node) => node.id === id),
      id,
    );
  const edgeName = (definition: WorkflowDefinition, edge: WorkflowEdge) =>
    w.q(`${stripQuotes(nameIn(definition, edge.source))} → ${stripQuotes(nameIn(definition, edge.target))}`);
  const bare = (definition: WorkflowDefinition, id: string) => stripQuotes(nameIn(definition, id));
  const property = (name: string) => describeProperty(name, locale);
  const value = (name: string, v: unknown, fields: FieldDefinition[]) =>
    describeValue(name, v, fields, locale);
  return changes.map((change): ChangeText => {
    switch (change.kind) {
      case 'workflow-changed':
        return {
          text: w.workflow(
            property(change.property),
            value(change.property, change.before, []),
            value(change.property, change.after, []),
          ),
        };
      case 'field-added':
        return { text: w.fieldAdded(w.q(change.field.label ?? change.field.name)), field: change.field.name };
      case 'field-removed':
        return {
          text: w.fieldRemoved(w.q(change.field.label ?? change.field.name)),
          field: change.field.name,
        };
      case 'field-changed':
        return {
          text: w.fieldChanged(
            w.q(change.name),
            property(change.property),
            value(change.property, change.before, []),
            value(change.property, change.after, []),
          ),
          field: change.name,
        };
      case 'node-added':
        return { text: w.nodeAdded(nodeName(change.node, change.node.id)), nodeId: change.node.id };
      case 'node-removed':
        return { text: w.nodeRemoved(nodeName(change.node, change.node.id)), nodeId: change.node.id };
      case 'node-changed':
        return {
          text: w.nodeChanged(
            bare(before, change.nodeId),
            property(change.property),
            value(change.property, change.before, before.fields),
            value(change.property, change.after, after.fields),
          ),
          nodeId: change.nodeId,
        };
      case 'edge-added':
        return { text: w.edgeAdded(edgeName(after, change.edge)), edgeId: change.edge.id };
      case 'edge-removed':
        return { text: w.edgeRemoved(edgeName(before, change.edge)), edgeId: change.edge.id };
      case 'edge-changed':
        return {
          text: w.edgeChanged(
            edgeName(after, change.edge),
            property(change.property),
            value(change.property, change.before, before.fields),
            value(change.property, change.after, after.fields),
          ),
          edgeId: change.edgeId,
        };
    }
  });
}

function stripQuotes(text: string): string {
  return text.replace(/^“|”$/g, '');
}
