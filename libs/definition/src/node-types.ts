import type { NodeType, WorkflowNode } from './definition.types.js';

/** How a node type leaves: by named outcomes, by conditions, on every edge at once, or by one plain edge. */
export type ExitKind = 'outcomes' | 'conditions' | 'all' | 'single' | 'none';

export interface NodeTypeInfo {
  type: NodeType;
  label: string;
  description: string;
  /** A waiting node stops the instance until a person, a clock or a message moves it on. */
  waiting: boolean;
  exits: ExitKind;
}

/**
 * The node type registry, in palette order. The Designer builds its palette from it;
 * validation rejects any type not listed here.
 */
export const nodeTypes: readonly NodeTypeInfo[] = [
  {
    type: 'start',
    label: 'Start',
    description: 'Where every ticket begins.',
    waiting: false,
    exits: 'single',
  },
  {
    type: 'task',
    label: 'Task',
    description: 'Work for a person or a role; leaves by the outcome they choose.',
    waiting: true,
    exits: 'outcomes',
  },
  {
    type: 'approval',
    label: 'Approval',
    description: 'Approvers approve or reject, under a policy.',
    waiting: true,
    exits: 'outcomes',
  },
  {
    type: 'decision',
    label: 'Decision',
    description: 'Branches on ticket fields; the default edge catches the rest.',
    waiting: false,
    exits: 'conditions',
  },
  {
    type: 'parallel',
    label: 'Parallel split',
    description: 'Starts every outgoing branch at once.',
    waiting: false,
    exits: 'all',
  },
  {
    type: 'inclusive',
    label: 'Inclusive split',
    description:
      'Starts every branch whose condition holds (the default when none does); its join waits for the branches taken.',
    waiting: false,
    exits: 'conditions',
  },
  {
    type: 'join',
    label: 'Join',
    description: 'Waits for the branches of its parallel split.',
    waiting: false,
    exits: 'single',
  },
  {
    type: 'timer',
    label: 'Timer',
    description: 'Waits for a duration or until a date field.',
    waiting: true,
    exits: 'single',
  },
  {
    type: 'wait',
    label: 'Wait for message',
    description: 'Waits for an external event.',
    waiting: true,
    exits: 'outcomes',
  },
  {
    type: 'subflow',
    label: 'Sub-flow',
    description: "Runs another published workflow as a child ticket; leaves by the child's end outcome.",
    waiting: true,
    exits: 'outcomes',
  },
  {
    type: 'action',
    label: 'Action',
    description: 'Sets fields, calls a system or notifies someone.',
    waiting: false,
    exits: 'outcomes',
  },
  {
    type: 'end',
    label: 'End',
    description: 'Finishes the ticket with an outcome.',
    waiting: false,
    exits: 'none',
  },
];

const byType = new Map<string, NodeTypeInfo>(nodeTypes.map((info) => [info.type, info]));

/** Looks up a node type in the registry; undefined for unknown names. Pure. */
export function nodeTypeInfo(type: unknown): NodeTypeInfo | undefined {
  return typeof type === 'string' ? byType.get(type) : undefined;
}

/** True when `type` is a registered node type. Pure. */
export function isNodeType(type: unknown): type is NodeType {
  return nodeTypeInfo(type) !== undefined;
}

/**
 * True for nodes that stop and wait (task, approval, timer, wait, subflow). Every loop must pass
 * through one, so an instance never spins without waiting. Pure.
 */
export function isWaitingNode(node: Pick<WorkflowNode, 'type'>): boolean {
  return nodeTypeInfo(node.type)?.waiting ?? false;
}

/** True for the nodes that start branches a join collects: parallel and inclusive splits. Pure. */
export function isSplitType(type: unknown): boolean {
  return type === 'parallel' || type === 'inclusive';
}

/** Names a node for messages: `Approval "Finance approval"`, falling back to its id. Pure. */
export function describeNode(node: { id?: unknown; type?: unknown; name?: unknown }): string {
  const label = nodeTypeInfo(node.type)?.label ?? 'Node';
  const name = typeof node.name === 'string' && node.name.trim() !== '' ? node.name : node.id;
  return typeof name === 'string'
    ? `${label} "${name.length > 60 ? `${name.slice(0, 57)}...` : name}"`
    : label;
}
