import type { FieldDefinition, WorkflowEdge, WorkflowNode } from './definition.types.js';

/** One property that differs between two versions of a node, edge or field (`before` / `after` undefined when absent). */
export interface PropertyChange {
  property: string;
  before: unknown;
  after: unknown;
}

/** An element present on both sides whose content differs. */
export interface ChangedElement<T> {
  id: string;
  before: T;
  after: T;
  changes: PropertyChange[];
}

/**
 * One difference, in reading order (workflow, fields, nodes, edges). Structured,
 * not worded: `@ticketflow/rules` turns them into sentences (`describeChanges`).
 */
export type DefinitionChange =
  | { kind: 'workflow-changed'; property: string; before: unknown; after: unknown }
  | { kind: 'field-added'; field: FieldDefinition }
  | { kind: 'field-removed'; field: FieldDefinition }
  | { kind: 'field-changed'; name: string; property: string; before: unknown; after: unknown }
  | { kind: 'node-added'; node: WorkflowNode }
  | { kind: 'node-removed'; node: WorkflowNode }
  | {
      kind: 'node-changed';
      nodeId: string;
      node: WorkflowNode;
      property: string;
      before: unknown;
      after: unknown;
    }
  | { kind: 'edge-added'; edge: WorkflowEdge }
  | { kind: 'edge-removed'; edge: WorkflowEdge }
  | {
      kind: 'edge-changed';
      edgeId: string;
      edge: WorkflowEdge;
      property: string;
      before: unknown;
      after: unknown;
    };

export interface DefinitionDiff {
  /** True when nothing but layout differs (positions are ignored unless asked for). */
  identical: boolean;
  nodes: { added: WorkflowNode[]; removed: WorkflowNode[]; changed: ChangedElement<WorkflowNode>[] };
  edges: { added: WorkflowEdge[]; removed: WorkflowEdge[]; changed: ChangedElement<WorkflowEdge>[] };
  fields: {
    added: FieldDefinition[];
    removed: FieldDefinition[];
    changed: ChangedElement<FieldDefinition>[];
  };
  /** Every difference as a flat list, in reading order. */
  changes: DefinitionChange[];
}

export interface DiffOptions {
  /** Report moved nodes (`position`) as changes too. Default false: layout is not behaviour. */
  includeLayout?: boolean;
}
