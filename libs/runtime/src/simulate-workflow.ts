import { compileDefinition, type CompiledWorkflow } from '@ticketflow/compiler';
import type { ApprovalGroup, FieldValues, WorkflowDefinition } from '@ticketflow/definition';
import { tallyGroups } from './group-tally.js';
import type { RuntimeBook } from './runtime-book.types.js';
import type { Effect, InstanceSnapshot, RuntimeEvent, TransitionRecord } from './runtime.types.js';
import { pendingWork } from './pending-work.js';
import { RuntimeError } from './runtime-error.js';
import { startDetailed, stepDetailed, type DetailedStepResult } from './run-instance.js';

/**
 * One simulated happening, addressed by node id: `approved` / `rejected` on an
 * approval, a task outcome (`completed`, ...) on a task, `timeout` on any node
 * with a timer, `received` on a wait, `ok` / `failed` on an action, the child's
 * end outcome on a sub-flow (`fields` then are the child's values); or a cancellation.
 */
export type SimulationEvent =
  | {
      nodeId: string;
      outcome: string;
      actor?: string;
      /** Field values set with the event (task form, message payload, action result, a sub-flow child's fields). */
      fields?: FieldValues;
      /** Approvals: how many may decide (default: the listed users, else 1). */
      eligibleCount?: number;
      /** Approvals with a `groups` policy: the roles the actor holds. */
      roles?: string[];
      /** Approvals with a `groups` policy: how many people hold each role (default: each group's count). */
      eligibleByRole?: Record<string, number>;
      comment?: string;
      /** Multi-instance steps: which item (1 = the first; default: the first still open). */
      item?: number;
    }
  | { cancel: true; reason?: string };

export interface SimulationResult {
  /** Node ids entered, in order. */
  path: string[];
  transitions: TransitionRecord[];
  tasksCreated: Extract<Effect, { type: 'task.create' }>[];
  effects: Effect[];
  status: InstanceSnapshot['status'];
  outcome?: string;
  activeNodes: string[];
  snapshot: InstanceSnapshot;
  fields: FieldValues;
  /** Set when an event did not fit the instance; the simulation stops there. */
  error?: { index: number; code: string; message: string };
}

/**
 * Runs a definition through a list of friendly events without persisting or
 * creating anything (the Designer's simulation, scenario tests). Compiles the
 * definition, starts an instance and applies each event to the matching
 * pending work. Pure.
 */
export async function simulate(
  definition: WorkflowDefinition,
  fields: FieldValues,
  events: SimulationEvent[],
): Promise<SimulationResult> {
  const compiled = compileDefinition(definition);
  const first = await startDetailed(compiled, fields, { requester: 'sim-requester' });
  const result: SimulationResult = collect(emptyResult(first), first);
  let current: DetailedStepResult = first;
  for (const [index, simEvent] of events.entries()) {
    try {
      const event = toRuntimeEvent(compiled, current.snapshot, simEvent, index);
      current = await stepDetailed(compiled, current.snapshot, event, current.fields);
      collect(result, current);
    } catch (error) {
      if (!(error instanceof RuntimeError)) throw error;
      result.error = { index, code: error.code, message: error.message };
      break;
    }
  }
  return result;
}

function emptyResult(first: DetailedStepResult): SimulationResult {
  return {
    path: [],
    transitions: [],
    tasksCreated: [],
    effects: [],
    status: 'active',
    activeNodes: [],
    snapshot: first.snapshot,
    fields: first.fields,
  };
}

function collect(result: SimulationResult, step: DetailedStepResult): SimulationResult {
  result.path.push(...step.entered);
  result.transitions.push(...step.transitions);
  result.effects.push(...step.effects);
  for (const effect of step.effects) if (effect.type === 'task.create') result.tasksCreated.push(effect);
  result.status = step.snapshot.status;
  if (step.snapshot.outcome !== undefined) result.outcome = step.snapshot.outcome;
  result.activeNodes = step.snapshot.activeNodes;
  result.snapshot = step.snapshot;
  result.fields = step.fields;
  return result;
}

/** The role of the first group with a seat left: a simulated vote without roles fills the groups in order. */
function nextSeat(groups: ApprovalGroup[], snapshot: InstanceSnapshot, taskKey: string): string {
  const votes = (snapshot.machine as RuntimeBook).votes[taskKey] ?? [];
  const tally = tallyGroups(groups, votes);
  return (tally.groups.find((group) => group.approved < group.count) ?? tally.groups[0])?.role ?? '';
}

/**
 * Translates a friendly simulation event into the runtime event that the
 * matching pending work expects. Throws {@link RuntimeError} when nothing at
 * that node waits for it. Pure.
 */
export function toRuntimeEvent(
  compiled: CompiledWorkflow,
  snapshot: InstanceSnapshot,
  simEvent: SimulationEvent,
  index = 0,
): RuntimeEvent {
  if ('cancel' in simEvent)
    return simEvent.reason === undefined ? { type: 'cancel' } : { type: 'cancel', reason: simEvent.reason };
  const { nodeId, outcome } = simEvent;
  const work = pendingWork(snapshot);
  const actorId = simEvent.actor ?? `sim-user-${index + 1}`;
  const timer = work.timers.find(
    (t) => t.nodeId === nodeId && (outcome === 'timeout' || t.purpose === 'timer'),
  );
  if (timer) return { type: 'timer.fire', timerKey: timer.timerKey };
  const task = work.tasks.find(
    (t) => t.nodeId === nodeId && (simEvent.item === undefined || t.item === simEvent.item - 1),
  );
  if (task?.kind === 'approval' && (outcome === 'approved' || outcome === 'rejected')) {
    const info = compiled.nodes[nodeId]?.task;
    const listed =
      info?.kind === 'approval' && info.approvers && 'users' in info.approvers
        ? info.approvers.users.length
        : 1;
    return {
      type: 'approval.decide',
      taskKey: task.taskKey,
      decision: outcome,
      actor: { id: actorId },
      eligibleCount: simEvent.eligibleCount ?? listed,
      ...(info?.kind === 'approval' && info.policy.type === 'groups'
        ? { actorRoles: simEvent.roles ?? [nextSeat(info.policy.groups, snapshot, task.taskKey)] }
        : {}),
      ...(simEvent.eligibleByRole ? { eligibleByRole: simEvent.eligibleByRole } : {}),
      ...(simEvent.comment === undefined ? {} : { comment: simEvent.comment }),
      ...(simEvent.fields ? { fields: simEvent.fields } : {}),
    };
  }
  if (task?.kind === 'task') {
    return {
      type: 'task.complete',
      taskKey: task.taskKey,
      outcome,
      actor: { id: actorId },
      ...(simEvent.fields ? { fields: simEvent.fields } : {}),
    };
  }
  const wait = work.messages.find((m) => m.nodeId === nodeId);
  if (wait && outcome === 'received')
    return {
      type: 'message.receive',
      message: wait.message,
      ...(simEvent.fields ? { payload: simEvent.fields } : {}),
    };
  // A sub-flow ends with the outcome of the child's end node; `fields` are the child's values.
  const subflow = work.subflows.find((s) => s.nodeId === nodeId);
  if (subflow)
    return {
      type: 'subflow.end',
      subflowKey: subflow.subflowKey,
      outcome,
      ...(simEvent.fields ? { fields: simEvent.fields } : {}),
    };
  const action = work.actions.find((a) => a.nodeId === nodeId);
  if (action && (outcome === 'ok' || outcome === 'failed')) {
    return {
      type: 'action.result',
      actionKey: action.actionKey,
      outcome,
      ...(simEvent.fields ? { fields: simEvent.fields } : {}),
    };
  }
  throw new RuntimeError(
    'invalid-outcome',
    `Event ${index + 1}: nothing at "${nodeId}" waits for "${outcome}".`,
    { nodeId, outcome },
  );
}
