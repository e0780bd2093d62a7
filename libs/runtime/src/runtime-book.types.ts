/** What an instance waits for now (see `pendingWork`). */
export interface PendingWork {
  /** `item`: the index of the list item a multi-instance task works on. */
  tasks: { taskKey: string; nodeId: string; kind: 'task' | 'approval'; item?: number }[];
  timers: { timerKey: string; nodeId: string; purpose: 'timeout' | 'timer' }[];
  messages: { nodeId: string; message: string }[];
  actions: { actionKey: string; nodeId: string }[];
  /** Child instances a `subflow` node waits for, by the key the child's end reports back with. */
  subflows: { subflowKey: string; nodeId: string; workflowKey: string }[];
}

type AtPlacement<T> = T & {
  /** The state path of the placement that opened it (a node may have copies in several branches). */
  path: string;
};

/** Open work as the runtime keeps it: `PendingWork` plus where each item belongs. */
export interface OpenWork {
  tasks: AtPlacement<PendingWork['tasks'][number]>[];
  timers: AtPlacement<PendingWork['timers'][number]>[];
  messages: AtPlacement<PendingWork['messages'][number]>[];
  actions: AtPlacement<PendingWork['actions'][number]>[];
  subflows: AtPlacement<PendingWork['subflows'][number]>[];
}

export interface Vote {
  actor: string;
  decision: 'approved' | 'rejected';
  comment?: string;
  /** `groups` policies: the roles the voter held when deciding. */
  roles?: string[];
}

/**
 * The runtime's part of `InstanceSnapshot.machine`: the persisted XState
 * snapshot (whose context holds the visit counters) plus bookkeeping.
 * Plain JSON; a JSON round trip restores it exactly.
 */
export interface RuntimeBook {
  /** `actor.getPersistedSnapshot()` of the compiled machine. */
  xstate: unknown;
  open: OpenWork;
  /** Votes cast so far on open approval tasks, by task key. */
  votes: Record<string, Vote[]>;
  /** The ticket's requester (separation of duties). */
  requester?: string;
  /** Outcome of the last end node reached inside a split without a join. */
  lastOutcome?: string;
  /** Multi-instance steps by their key (`review#2`): how many items, and each finished item's outcome. */
  items?: Record<string, ItemRun>;
}

/** One multi-instance step's run over a list: item count and the outcome of each finished item. */
export interface ItemRun {
  of: number;
  outcomes: Record<string, string>;
}

/** An empty work list. Pure. */
export function emptyWork(): OpenWork & PendingWork {
  return { tasks: [], timers: [], messages: [], actions: [], subflows: [] };
}
