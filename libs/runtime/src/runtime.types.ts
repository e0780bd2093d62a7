import type {
  ActionSpec,
  ApprovalPolicy,
  Approvers,
  Assignee,
  FieldValues,
  ResolvedFormEntry,
} from '@ticketflow/definition';

/** The list item a multi-instance task works on: its position (0-based), the list's length and its value. */
export interface TaskItem {
  index: number;
  of: number;
  value: unknown;
}

/** One group of a composite policy and the approvals counted for it. */
export interface GroupTally {
  role: string;
  count: number;
  approved: number;
}

/**
 * The contract between the pure runtime and whoever persists it (the API, the
 * Designer's simulation, scenario tests). Everything here is plain JSON.
 */

/** Opaque, JSON-serialisable state of one instance. Store it as is; never edit it. */
export interface InstanceSnapshot {
  /** Runtime format version, so stored snapshots can be upgraded. */
  format: 1;
  /** `active` until an end node, cancellation or an incident stops it. */
  status: 'active' | 'completed' | 'cancelled' | 'incident';
  outcome?: string;
  /** Node ids where the instance is waiting now (more than one in parallel branches). */
  activeNodes: string[];
  /** The persisted XState snapshot plus whatever bookkeeping the runtime keeps. */
  machine: unknown;
}

/** Who caused an event; `system` for timers and other automatic sources. */
export interface Actor {
  id: string;
  /** The ticket's requester: used for separation of duties. */
  isRequester?: boolean;
}

export type RuntimeEvent =
  | {
      type: 'task.complete';
      taskKey: string;
      outcome?: string;
      actor?: Actor;
      /** Field values the assignee set; they are merged before routing continues. */
      fields?: FieldValues;
      comment?: string;
      /** Who may read the comment: staff only (`internal`, the default) or the requester too. */
      visibility?: CommentVisibility;
    }
  | {
      type: 'approval.decide';
      taskKey: string;
      decision: 'approved' | 'rejected';
      actor: Actor;
      /** How many people may decide this step now (for all / quorum / percent policies). */
      eligibleCount: number;
      /** `groups` policies: the roles the person deciding holds (which groups they may count for). */
      actorRoles?: string[];
      /** `groups` policies: how many people of each group's role may decide (default: the group's count). */
      eligibleByRole?: Record<string, number>;
      comment?: string;
      visibility?: CommentVisibility;
      /** Field values the approver changed (only those the step's form lets them edit). */
      fields?: FieldValues;
    }
  | { type: 'timer.fire'; timerKey: string }
  | { type: 'message.receive'; message: string; payload?: FieldValues }
  | {
      type: 'action.result';
      actionKey: string;
      outcome: 'ok' | 'failed';
      fields?: FieldValues;
      error?: string;
    }
  /**
   * An admin retries an action whose failure left the instance in `incident`
   * (no `failed` edge): the instance is active again and the action is
   * requested anew under the same key. Accepted only in `incident`.
   */
  | { type: 'action.retry'; actionKey: string }
  /**
   * The child instance a `subflow` node started has ended: `outcome` is the outcome of its end
   * node (`cancelled` when it was cancelled on its own), `fields` the child's field values, copied
   * into the parent through the node's `output` mapping (not for `cancelled`).
   */
  | { type: 'subflow.end'; subflowKey: string; outcome: string; fields?: FieldValues }
  | { type: 'cancel'; actor?: Actor; reason?: string };

/** Who may read a comment: staff only, or the requester too. */
export type CommentVisibility = 'internal' | 'public';

export type Effect =
  | {
      type: 'task.create';
      /** Unique within the instance, stable across restore: `${nodeId}#${visit}`. */
      taskKey: string;
      nodeId: string;
      kind: 'task';
      name: string;
      assignee: Assignee;
      outcomes: string[];
      form?: ResolvedFormEntry[];
      /** A multi-instance task: the list item this task works on. */
      item?: TaskItem;
    }
  | {
      type: 'task.create';
      taskKey: string;
      nodeId: string;
      kind: 'approval';
      name: string;
      /** Absent with a `groups` policy: the groups name who may approve. */
      approvers?: Approvers;
      policy: ApprovalPolicy;
      allowRequester: boolean;
      form?: ResolvedFormEntry[];
      /** A multi-instance approval: the list item this approval decides. */
      item?: TaskItem;
    }
  /** The step is over: completed by its decision or cancelled because the flow left it. */
  | {
      type: 'task.close';
      taskKey: string;
      nodeId: string;
      status: 'completed' | 'cancelled';
      outcome?: string;
    }
  | {
      type: 'timer.schedule';
      timerKey: string;
      nodeId: string;
      /** `timeout` of a waiting node, or a `timer` node's own delay. */
      purpose: 'timeout' | 'timer';
      /** ISO-8601 duration from now ... */
      after?: string;
      /** ... or an absolute ISO date-time (a `timer` node with `until`). */
      at?: string;
      businessHours: boolean;
    }
  | { type: 'timer.cancel'; timerKey: string; nodeId: string }
  | { type: 'action.perform'; actionKey: string; nodeId: string; action: ActionSpec }
  /**
   * Start a child instance on the latest published version of `workflowKey` with `input` as its
   * fields; report its end back as `subflow.end` with the same `subflowKey` (`${nodeId}#${visit}`).
   */
  | { type: 'subflow.start'; subflowKey: string; nodeId: string; workflowKey: string; input: FieldValues }
  /** The flow left the sub-flow node another way (cancel, timeout, a cancelled branch): cancel the child. */
  | { type: 'subflow.cancel'; subflowKey: string; nodeId: string }
  | { type: 'instance.complete'; outcome: string }
  | { type: 'incident.raise'; nodeId?: string; code: string; message: string };

/** One recorded move, written to the append-only transitions table in order. */
export interface TransitionRecord {
  /** What moved it: the event type, or `auto` for routing the runtime did itself. */
  event: string;
  from: string | null;
  to: string | null;
  /** Explanation for the timeline, e.g. which condition chose a branch and with what values. */
  detail?: TransitionDetail;
}

export type TransitionDetail =
  | { kind: 'condition'; edgeId: string; condition: unknown; text: string; values: FieldValues }
  | { kind: 'default'; edgeId: string; text: string }
  | { kind: 'outcome'; outcome: string; actor?: string; comment?: string; visibility?: CommentVisibility }
  | {
      kind: 'vote';
      decision: 'approved' | 'rejected';
      actor: string;
      comment?: string;
      visibility?: CommentVisibility;
      approved: number;
      rejected: number;
      /** `groups` policies: approvals counted per group so far. */
      groups?: GroupTally[];
    }
  | { kind: 'message'; message: string }
  | { kind: 'note'; text: string };

export interface StepResult {
  snapshot: InstanceSnapshot;
  effects: Effect[];
  transitions: TransitionRecord[];
  /** Field values after the step (set-fields actions and task forms applied). */
  fields: FieldValues;
}
