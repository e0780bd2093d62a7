import type { InstanceChanged } from './engine-events.js';
import type { StepOutcome } from './engine.types.js';
import type { LoadedInstance } from './instance-loader.js';
import type { StepTicket } from './step-observers.js';
import type { StepPlan } from './step-plan.js';
import type { WorkingTicket } from './step-scope.js';
import type { ParentFacts } from './subflow-follow-up.js';

/** The parent's facts for the sub-flow follow-up after a step. Pure. */
export function parentFacts(instance: LoadedInstance, outcome: StepOutcome): ParentFacts {
  return {
    instanceId: instance.id,
    ticketId: instance.ticketId,
    number: instance.ticket.number,
    title: instance.ticket.title,
    priority: outcome.ticket.priority,
    requesterId: instance.requesterId,
    configVersion: instance.configVersion,
  };
}

/** What the engine tells the workers and live inboxes after commit. Pure. */
export function changeOf(
  instance: LoadedInstance,
  outcome: Pick<StepOutcome, 'effects' | 'transitionCount'>,
  eventType: string,
): InstanceChanged {
  const { effects } = outcome;
  return {
    instanceId: instance.id,
    ticketId: instance.ticketId,
    tasksChanged: effects.touchedTasks,
    timersScheduled: effects.timersScheduled,
    outboxWritten: effects.outboxWritten,
    workflowKey: instance.workflowKey,
    eventType,
    transitionCount: outcome.transitionCount,
  };
}

/** The columns of the ticket a step changed, or null. Pure. */
export function ticketChange(before: StepTicket, after: WorkingTicket) {
  const change: Parameters<StepPlan['changeTicket']>[1] = {};
  if (JSON.stringify(before.fields) !== JSON.stringify(after.fields)) change.fields = after.fields;
  if (before.status !== after.status) change.status = after.status;
  if (after.outcome !== undefined) change.outcome = after.outcome;
  if (after.closed) change.closed = true;
  if (before.priority !== after.priority) change.priority = after.priority;
  if (JSON.stringify(before.tags) !== JSON.stringify(after.tags)) change.tags = after.tags;
  if (before.assigneeGroup !== after.assigneeGroup) change.assigneeGroup = after.assigneeGroup;
  return Object.keys(change).length > 0 ? change : null;
}
