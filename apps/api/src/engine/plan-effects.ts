import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { Approvers } from '@ticketflow/definition';
import type { Effect } from '@ticketflow/runtime';
import type { BusinessCalendar } from '../timers/business-calendar.js';
import { computeDueAt } from '../timers/due-date.js';
import type { StepPlan } from './step-plan.js';
import type { StepTicket } from './step-observers.js';
import { approvalCandidates, assignTask } from './task-assignment.js';
import { groupCandidates, groupsOf } from './approval-groups.js';
import { planSubflowStart, type SubflowWork } from './subflow-effects.js';

/** What a step's effects touched, for the post-commit notice (wake workers, live inboxes). */
export interface EffectsOutcome {
  touchedTasks: boolean;
  timersScheduled: boolean;
  outboxWritten: boolean;
  /** An incident was raised (by the runtime, or by an assignment that found nobody). */
  incidentRaised: boolean;
  /** Children to start and to cancel once the step is written. */
  subflows: SubflowWork;
}

interface EffectsTarget {
  manager: EntityManager;
  plan: StepPlan;
  instanceId: string;
  /** The working copy of the ticket: status changes land here and are written with the step. */
  ticket: StepTicket & { outcome?: string; closed?: boolean };
  now: Date;
  calendar: BusinessCalendar;
  /** The person whose task action this step is (who "the previous approver" is), if any. */
  previousActorId?: string | null;
  /** Records an entry on the ticket's timeline (what an assignment rule did); absent: not recorded. */
  note?: (event: string, payload: unknown) => void;
  /** Set while the instance itself is started as a sub-flow's child: its parent instance. */
  parentInstanceId?: string | null;
}

/**
 * Turns a step's effects into rows of the plan: tasks, timers, outbox
 * messages, incidents, and the ticket's status; sub-flow children to start
 * (their version chosen now) and to cancel are returned for after the write. Reads the directory when a
 * task goes to anyone but a plain role (a round-robin pick also records its
 * turn); everything else lands in the plan, written as one statement
 * afterwards. What an assignment rule did goes to `note` (the timeline).
 */
export async function planEffects(target: EffectsTarget, effects: Effect[]): Promise<EffectsOutcome> {
  const { plan, instanceId, ticket } = target;
  const outcome: EffectsOutcome = {
    touchedTasks: false,
    timersScheduled: false,
    outboxWritten: false,
    incidentRaised: false,
    subflows: { starts: [], cancels: [] },
  };
  const timeouts: { nodeId: string; dueAt: Date }[] = [];
  for (const effect of effects) {
    switch (effect.type) {
      case 'task.create':
        if (await planTask(target, effect)) outcome.incidentRaised = true;
        outcome.touchedTasks = true;
        break;
      case 'task.close':
        plan.changeTask(instanceId, effect.taskKey, {
          close: { status: effect.status, outcome: effect.outcome ?? null },
        });
        outcome.touchedTasks = true;
        break;
      case 'timer.schedule': {
        const dueAt = computeDueAt(effect, target.now, target.calendar);
        plan.changeTimer(instanceId, effect.timerKey, {
          kind: 'schedule',
          nodeId: effect.nodeId,
          purpose: effect.purpose,
          dueAt,
        });
        if (effect.purpose === 'timeout') timeouts.push({ nodeId: effect.nodeId, dueAt });
        outcome.timersScheduled = true;
        break;
      }
      case 'timer.cancel':
        plan.changeTimer(instanceId, effect.timerKey, { kind: 'cancel' });
        break;
      case 'action.perform':
        plan.addOutbox({
          instanceId,
          actionKey: effect.actionKey,
          nodeId: effect.nodeId,
          payload: effect.action,
        });
        outcome.outboxWritten = true;
        break;
      case 'subflow.start': {
        const planned = await planSubflowStart(target, effect);
        if ('incident' in planned) {
          plan.addIncident({ instanceId, nodeId: effect.nodeId, ...planned.incident });
          ticket.status = 'incident';
          outcome.incidentRaised = true;
        } else outcome.subflows.starts.push(planned);
        break;
      }
      case 'subflow.cancel':
        outcome.subflows.cancels.push(effect.subflowKey);
        break;
      case 'instance.complete':
        Object.assign(ticket, {
          status: effect.outcome === 'cancelled' ? 'cancelled' : 'completed',
          outcome: effect.outcome,
          closed: true,
        });
        break;
      case 'incident.raise':
        plan.addIncident({
          instanceId,
          nodeId: effect.nodeId ?? null,
          code: effect.code,
          message: effect.message,
        });
        ticket.status = 'incident';
        outcome.incidentRaised = true;
        break;
    }
  }
  for (const { nodeId, dueAt } of timeouts) {
    // The node's task shows the same due time; it is created in the step that entered the node.
    const task = plan.newTaskOf(instanceId, nodeId);
    if (task) plan.changeTask(instanceId, task.taskKey, { dueAt });
  }
  return outcome;
}

async function planTask(
  target: EffectsTarget,
  effect: Extract<Effect, { type: 'task.create' }>,
): Promise<boolean> {
  const context = {
    manager: target.manager,
    instanceId: target.instanceId,
    workflowKey: target.ticket.workflowKey,
    nodeId: effect.nodeId,
    requesterId: target.ticket.requesterId,
    fields: target.ticket.fields,
    previousActorId: target.previousActorId ?? null,
  };
  const groups = effect.kind === 'approval' ? groupsOf(effect.policy) : null;
  const assignment =
    effect.kind === 'task'
      ? await assignTask(context, effect.assignee)
      : groups
        ? await groupCandidates(target.manager, groups)
        : await approvalCandidates(context, namedApprovers(effect.approvers), effect.allowRequester);
  if (assignment.note) target.note?.('assignment', assignment.note);
  if (assignment.incident) {
    target.plan.addIncident({ instanceId: target.instanceId, nodeId: effect.nodeId, ...assignment.incident });
    target.ticket.status = 'incident';
  }
  target.plan.insertTask({
    id: randomUUID(),
    instanceId: target.instanceId,
    ticketId: target.ticket.id,
    taskKey: effect.taskKey,
    nodeId: effect.nodeId,
    kind: effect.kind,
    name: effect.name,
    candidateRole: assignment.candidateRole,
    candidateUsers: assignment.candidateUsers,
    assigneeId: assignment.assigneeId,
    policy: effect.kind === 'approval' ? effect.policy : null,
    outcomes: effect.kind === 'task' ? effect.outcomes : ['approved', 'rejected'],
    form: effect.form ?? null,
    allowRequester: effect.kind === 'approval' ? effect.allowRequester : true,
    dueAt: null,
    item: effect.item ?? null,
  });
  return assignment.incident !== null;
}

/** Approvers as the runtime hands them over: a `{ field }` is already resolved to its users when the step starts. */
function namedApprovers(approvers: Approvers | undefined): Exclude<Approvers, { field: string }> {
  if (!approvers || 'field' in approvers) return { users: [] };
  return approvers;
}
