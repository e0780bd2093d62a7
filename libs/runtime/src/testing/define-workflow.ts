import type { FieldDefinition, WorkflowDefinition, WorkflowEdge, WorkflowNode } from '@ticketflow/definition';

/** Test fixture shorthand: `edge('a', 'b', { on: 'completed' })`. Pure. */
export function edge(
  source: string,
  target: string,
  extra: Partial<WorkflowEdge> = {},
): Omit<WorkflowEdge, 'id'> & { id?: string } {
  return { source, target, ...extra };
}

/** Builds a definition from nodes and edges, numbering edges `e1`, `e2`, ... Pure. */
export function defineWorkflow(
  nodes: WorkflowNode[],
  edges: (Omit<WorkflowEdge, 'id'> & { id?: string })[],
  fields: FieldDefinition[] = [{ name: 'amount', type: 'number', label: 'Amount' }],
): WorkflowDefinition {
  return {
    schemaVersion: 1,
    key: 'test',
    name: 'Test',
    fields,
    nodes,
    edges: edges.map((e, index) => ({ id: e.id ?? `e${index + 1}`, ...e })),
  };
}

export const task = (id: string, extra: Record<string, unknown> = {}): WorkflowNode =>
  ({ id, type: 'task', assignee: { role: 'agent' }, ...extra }) as WorkflowNode;
export const approval = (id: string, extra: Record<string, unknown> = {}): WorkflowNode =>
  ({ id, type: 'approval', approvers: { role: 'approvers' }, ...extra }) as WorkflowNode;
export const node = (
  id: string,
  type: WorkflowNode['type'],
  extra: Record<string, unknown> = {},
): WorkflowNode => ({ id, type, ...extra }) as WorkflowNode;
