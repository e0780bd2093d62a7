import { nodeTypes, type NodeType, type WorkflowDefinition, type WorkflowNode } from '@ticketflow/definition';
import i18n from '../../i18n/i18n';

// Exits and connection rules live in libs/definition, shared with the validator.
export { exitsOf, leavesByOutcome, PLAIN_EXIT as PLAIN_HANDLE } from '@ticketflow/definition';

/** Every node type the palette offers, in the registry's palette order (libs/definition node-types.ts). */
export const NODE_TYPES: readonly NodeType[] = nodeTypes.map((info) => info.type);

/** Short glyphs shown on palette items and canvas nodes. */
export const NODE_ICONS: Record<NodeType, string> = {
  start: '▶',
  end: '■',
  task: '✎',
  approval: '✔',
  decision: '◆',
  parallel: '‖',
  inclusive: '◇',
  join: '⋈',
  timer: '◷',
  wait: '✉',
  subflow: '⊞',
  action: '⚙',
};

/** True for nodes whose outgoing edges carry conditions and one default: decisions and inclusive splits. */
export function branchesByCondition(node: { type: string } | undefined): boolean {
  return node?.type === 'decision' || node?.type === 'inclusive';
}

/** A fresh id `<prefix>-<n>` not yet used by a node or edge of the definition. Pure. */
export function nextId(
  definition: WorkflowDefinition,
  prefix: string,
  taken: Set<string> = new Set(),
): string {
  const used = new Set<string>([
    ...definition.nodes.map((n) => n.id),
    ...definition.edges.map((e) => e.id),
    ...taken,
  ]);
  let n = 1;
  while (used.has(`${prefix}-${n}`)) n += 1;
  return `${prefix}-${n}`;
}

/** What a new node of a type is called before the user names it. */
export type NodeNames = (type: NodeType) => string;

/** New nodes are named in the UI language ("Task" / "任务"): the node type labels of the translations. Reads i18next. */
export const uiNodeNames: NodeNames = (type) => i18n.t(`nodeTypes.${type}`);

/** A new node of the given type with sensible defaults, so it is close to valid when dropped. Pure apart from `names`. */
export function createNode(
  type: NodeType,
  id: string,
  position: { x: number; y: number },
  names: NodeNames = uiNodeNames,
): WorkflowNode {
  const base = { id, position, name: names(type) };
  switch (type) {
    case 'start':
      return { ...base, type };
    case 'end':
      return { ...base, type, outcome: 'resolved' };
    case 'task':
      return { ...base, type, assignee: { role: 'agent' } };
    case 'approval':
      return { ...base, type, approvers: { role: 'manager' }, policy: { type: 'any' } };
    case 'decision':
      return { ...base, type };
    case 'parallel':
      return { ...base, type };
    case 'inclusive':
      return { ...base, type };
    case 'join':
      return { ...base, type };
    case 'timer':
      return { ...base, type, after: 'PT1H' };
    case 'wait':
      return { ...base, type, message: 'event' };
    case 'subflow':
      return { ...base, type, workflowKey: '' };
    case 'action':
      return { ...base, type, action: { type: 'set-fields', values: {} } };
  }
}

/** An empty but well-formed definition for "new workflow", its start and end named in the UI language. Pure apart from `names`. */
export function emptyDefinition(
  key: string,
  name: string,
  names: NodeNames = uiNodeNames,
): WorkflowDefinition {
  return {
    schemaVersion: 1,
    key,
    name,
    fields: [],
    nodes: [
      { id: 'start', type: 'start', name: names('start'), position: { x: 0, y: 0 } },
      { id: 'end', type: 'end', name: names('end'), outcome: 'resolved', position: { x: 300, y: 0 } },
    ],
    edges: [{ id: 'e1', source: 'start', target: 'end' }],
  };
}
