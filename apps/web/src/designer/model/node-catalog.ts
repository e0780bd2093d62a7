import { outcomesOf, type NodeType, type WorkflowDefinition, type WorkflowNode } from '@ticketflow/definition';

/** Every node type the palette offers, in palette order. */
export const NODE_TYPES: readonly NodeType[] = [
  'start',
  'end',
  'task',
  'approval',
  'decision',
  'parallel',
  'join',
  'timer',
  'wait',
  'action',
];

/** Short glyphs shown on palette items and canvas nodes. */
export const NODE_ICONS: Record<NodeType, string> = {
  start: '▶',
  end: '■',
  task: '✎',
  approval: '✔',
  decision: '◆',
  parallel: '‖',
  join: '⋈',
  timer: '◷',
  wait: '✉',
  action: '⚙',
};

/** The handle id of a node's single plain exit (start, decision, parallel, join, timer). */
export const PLAIN_HANDLE = 'out';

/**
 * The ways a node can be left: outcome names (each an `on` edge) or the one plain
 * handle, as the definition lib's `outcomesOf` says (DESIGN.md §3). Pure.
 */
export function exitsOf(node: WorkflowNode): string[] {
  if (node.type === 'end') return [];
  return leavesByOutcome(node) ? outcomesOf(node) : [PLAIN_HANDLE];
}

/** True when the node is left by named outcomes (`on` edges) rather than a plain edge. */
export function leavesByOutcome(node: WorkflowNode): boolean {
  return node.type === 'task' || node.type === 'approval' || node.type === 'wait' || node.type === 'action';
}

/** A fresh id `<prefix>-<n>` not yet used by a node or edge of the definition. Pure. */
export function nextId(definition: WorkflowDefinition, prefix: string, taken: Set<string> = new Set()): string {
  const used = new Set<string>([...definition.nodes.map((n) => n.id), ...definition.edges.map((e) => e.id), ...taken]);
  let n = 1;
  while (used.has(`${prefix}-${n}`)) n += 1;
  return `${prefix}-${n}`;
}

/** A new node of the given type with sensible defaults, so it is close to valid when dropped. Pure. */
export function createNode(type: NodeType, id: string, position: { x: number; y: number }): WorkflowNode {
  const base = { id, position };
  switch (type) {
    case 'start':
      return { ...base, type, name: 'Start' };
    case 'end':
      return { ...base, type, name: 'End', outcome: 'resolved' };
    case 'task':
      return { ...base, type, name: 'Task', assignee: { role: 'agent' } };
    case 'approval':
      return { ...base, type, name: 'Approval', approvers: { role: 'manager' }, policy: { type: 'any' } };
    case 'decision':
      return { ...base, type, name: 'Decision' };
    case 'parallel':
      return { ...base, type, name: 'Parallel' };
    case 'join':
      return { ...base, type, name: 'Join' };
    case 'timer':
      return { ...base, type, name: 'Timer', after: 'PT1H' };
    case 'wait':
      return { ...base, type, name: 'Wait', message: 'event' };
    case 'action':
      return { ...base, type, name: 'Action', action: { type: 'set-fields', values: {} } };
  }
}

/** An empty but well-formed definition for "new workflow". Pure. */
export function emptyDefinition(key: string, name: string): WorkflowDefinition {
  return {
    schemaVersion: 1,
    key,
    name,
    fields: [],
    nodes: [
      { id: 'start', type: 'start', name: 'Start', position: { x: 0, y: 0 } },
      { id: 'end', type: 'end', name: 'End', outcome: 'resolved', position: { x: 300, y: 0 } },
    ],
    edges: [{ id: 'e1', source: 'start', target: 'end' }],
  };
}
