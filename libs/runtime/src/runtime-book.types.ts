/** What an instance waits for now (see `pendingWork`). */
export interface PendingWork {
  tasks: { taskKey: string; nodeId: string; kind: 'task' | 'approval' }[];
  timers: { timerKey: string; nodeId: string; purpose: 'timeout' | 'timer' }[];
  messages: { nodeId: string; message: string }[];
  actions: { actionKey: string; nodeId: string }[];
}

export interface Vote {
  actor: string;
  decision: 'approved' | 'rejected';
  comment?: string;
}

/**
 * The runtime's part of `InstanceSnapshot.machine`: the persisted XState
 * snapshot (whose context holds the visit counters) plus bookkeeping.
 * Plain JSON; a JSON round trip restores it exactly.
 */
export interface RuntimeBook {
  /** `actor.getPersistedSnapshot()` of the compiled machine. */
  xstate: unknown;
  open: PendingWork;
  /** Votes cast so far on open approval tasks, by task key. */
  votes: Record<string, Vote[]>;
  /** The ticket's requester (separation of duties). */
  requester?: string;
  /** Outcome of the last end node reached inside a split without a join. */
  lastOutcome?: string;
}

/** An empty PendingWork. Pure. */
export function emptyWork(): PendingWork {
  return { tasks: [], timers: [], messages: [], actions: [] };
}
