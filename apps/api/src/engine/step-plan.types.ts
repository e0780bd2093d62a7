/** The rows one event (or one batch of timer events) writes, before they become SQL. */

export interface NewInstanceRow {
  id: string;
  ticketId: string;
  versionId: string;
  snapshot: unknown;
  status: string;
  activeNodes: string[];
  seq: number;
  /** A sub-flow's child: the parent instance, its sub-flow step and the key the child's end reports under. */
  parent?: SubflowParent;
}

/** Where a child instance came from (instances.parent_*). */
export interface SubflowParent {
  instanceId: string;
  nodeId: string;
  subflowKey: string;
}

export interface InstanceUpdate {
  id: string;
  /** The `seq` read under the lock: the update is refused (409) if another writer moved it. */
  expectedSeq: number;
  snapshot: unknown;
  status: string;
  activeNodes: string[];
  seq: number;
}

export interface TransitionRow {
  instanceId: string;
  seq: number;
  event: string;
  from: string | null;
  to: string | null;
  actorId: string | null;
  payload: unknown;
}

export interface NewTaskRow {
  id: string;
  instanceId: string;
  ticketId: string;
  taskKey: string;
  nodeId: string;
  kind: 'task' | 'approval';
  name: string;
  candidateRole: string | null;
  candidateUsers: string[];
  assigneeId: string | null;
  policy: unknown;
  outcomes: string[];
  form: unknown;
  allowRequester: boolean;
  dueAt: Date | null;
  /** Multi-instance steps: `{ index, of, value }` of the list item. */
  item: unknown;
}

/** Column changes of an existing task (found by instance and key). `close` also requires it to be open. */
export interface TaskChange {
  close?: { status: 'completed' | 'cancelled'; outcome: string | null };
  completedBy?: string | null;
  /** A new comment replaces the old one; `null` leaves it alone. */
  comment?: string | null;
  dueAt?: Date;
  assigneeId?: string | null;
  candidateRole?: string | null;
  candidateUsers?: string[];
}

export interface VoteRow {
  taskId: string;
  userId: string;
  decision: 'approved' | 'rejected';
  comment: string | null;
  onBehalfOf: string | null;
}

export type TimerChange =
  | { kind: 'schedule'; nodeId: string | null; purpose: string; dueAt: Date }
  | { kind: 'cancel' }
  | { kind: 'fired' }
  /** The runtime no longer waits for this timer: retire it with the reason. */
  | { kind: 'retire'; reason: string }
  /** Firing failed: back off (or give up after too many attempts). */
  | { kind: 'retry'; error: string; backoffSeconds: number; maxAttempts: number }
  /** Put back unfired (a later timer of an instance that fired another in this batch). */
  | { kind: 'release' }
  /** An instance in incident accepts no events: look again later. */
  | { kind: 'postpone'; seconds: number };

export interface OutboxRow {
  instanceId: string;
  actionKey: string;
  nodeId: string;
  payload: unknown;
}

export interface IncidentRow {
  instanceId: string;
  nodeId: string | null;
  code: string;
  message: string;
}

export interface NewTicketRow {
  id: string;
  workflowKey: string;
  title: string;
  fields: Record<string, unknown>;
  priority: string;
  channel: string;
  requesterId: string;
  tags: string[];
  assigneeGroup: string | null;
  status: string;
  outcome: string | null;
  closed: boolean;
}

/** Column changes of a ticket; the last one of each kind wins. */
export interface TicketChange {
  fields?: Record<string, unknown>;
  status?: string;
  outcome?: string;
  closed?: boolean;
  priority?: string;
  tags?: string[];
  assigneeGroup?: string | null;
}
