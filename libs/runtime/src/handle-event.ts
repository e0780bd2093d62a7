import type { RuntimeEvent, TransitionDetail } from './runtime.types.js';
import { finishItem, runKeyOf } from './multi-instance.js';
import type { Vote } from './runtime-book.types.js';
import { tallyVotes } from './approval-policy.js';
import { tallyGroups, type GroupsTally } from './group-tally.js';
import { RuntimeError } from './runtime-error.js';
import { edgeForOutcome, type Session } from './step-session.js';
import { leaveBy } from './route-automatically.js';

type EventOf<T extends RuntimeEvent['type']> = Extract<RuntimeEvent, { type: T }>;

/**
 * Applies one external event to the session: validates it against what the
 * instance waits for (throwing {@link RuntimeError} without changing
 * anything when it does not fit), then closes the finished work and moves
 * the machine. Automatic routing afterwards is `settle`'s job.
 */
export function handleEvent(session: Session, event: RuntimeEvent): void {
  switch (event.type) {
    case 'task.complete':
      return completeTask(session, event);
    case 'approval.decide':
      return decideApproval(session, event);
    case 'timer.fire':
      return fireTimer(session, event);
    case 'message.receive':
      return receiveMessage(session, event);
    case 'action.result':
      return actionResult(session, event);
    case 'action.retry':
      return retryAction(session, event);
    case 'subflow.end':
      return endSubflow(session, event);
    case 'cancel':
      session.record('cancel', null, null, {
        kind: 'note',
        text: event.reason ? `cancelled: ${event.reason}` : 'cancelled',
      });
      session.send({ type: 'cancel' }, 'cancel');
      return;
    default:
      throw new RuntimeError('invalid-outcome', `Unknown event type "${(event as { type: string }).type}".`);
  }
}

function openTask(session: Session, taskKey: string, kind: 'task' | 'approval') {
  const task = session.book.open.tasks.find((t) => t.taskKey === taskKey);
  if (!task)
    throw new RuntimeError('task-not-open', `Task "${taskKey}" is not open on this instance.`, { taskKey });
  if (task.kind !== kind) {
    throw new RuntimeError(
      'wrong-task-kind',
      `Task "${taskKey}" is ${task.kind === 'approval' ? 'an approval' : 'a task'}; use ${task.kind === 'approval' ? 'approve / reject' : 'complete'}.`,
      { taskKey },
    );
  }
  return task;
}

function closeTask(
  session: Session,
  taskKey: string,
  status: 'completed' | 'cancelled',
  outcome?: string,
): void {
  const { book } = session;
  const task = book.open.tasks.find((t) => t.taskKey === taskKey);
  if (!task) return;
  book.open.tasks = book.open.tasks.filter((t) => t.taskKey !== taskKey);
  delete book.votes[taskKey];
  session.effects.push(
    outcome === undefined
      ? { type: 'task.close', taskKey, nodeId: task.nodeId, status }
      : { type: 'task.close', taskKey, nodeId: task.nodeId, status, outcome },
  );
}

function completeTask(session: Session, event: EventOf<'task.complete'>): void {
  const task = openTask(session, event.taskKey, 'task');
  const info = session.compiled.nodes[task.nodeId];
  const outcomes = info?.task?.kind === 'task' ? info.task.outcomes : ['completed'];
  const outcome = event.outcome ?? outcomes[0] ?? 'completed';
  if (!outcomes.includes(outcome) || !edgeForOutcome(session.compiled, task.nodeId, outcome)) {
    throw new RuntimeError(
      'invalid-outcome',
      `"${outcome}" is not an outcome of "${task.nodeId}" (expected one of ${outcomes.join(', ')}).`,
      {
        taskKey: event.taskKey,
        outcomes,
      },
    );
  }
  if (event.fields) Object.assign(session.fields, event.fields);
  closeTask(session, task.taskKey, 'completed', outcome);
  const detail = withOptional({ kind: 'outcome', outcome }, event.actor?.id, event.comment, event.visibility);
  if (task.item !== undefined && info?.task) {
    itemDone(session, { ...info, task: info.task }, task, outcome, detail, 'task.complete');
    return;
  }
  leaveBy(session, task, outcome, detail, 'task.complete');
}

/**
 * One item of a multi-instance step is done: its outcome is recorded (a
 * transition naming the item), and once the step's policy is decided the
 * step leaves by the result; the items still open are cancelled on leaving.
 */
function itemDone(
  session: Session,
  info: Parameters<typeof finishItem>[1],
  task: Parameters<typeof finishItem>[2],
  outcome: string,
  detail: TransitionDetail,
  eventName: string,
): void {
  const run = session.book.items?.[runKeyOf(task)];
  session.record(eventName, task.nodeId, task.nodeId, {
    kind: 'note',
    text: `item ${(task.item ?? 0) + 1} of ${run?.of ?? '?'}: ${outcome}`,
  });
  const decided = finishItem(session, info, task, outcome);
  if (decided === null) return;
  const counts = Object.values(run?.outcomes ?? {});
  const summary = `${counts.filter((o) => o === decided).length} of ${run?.of ?? counts.length} items ${decided}`;
  leaveBy(
    session,
    task,
    decided,
    detail.kind === 'outcome' ? { ...detail, outcome: decided } : { kind: 'note', text: summary },
    eventName,
  );
}

function decideApproval(session: Session, event: EventOf<'approval.decide'>): void {
  const task = openTask(session, event.taskKey, 'approval');
  const info = session.compiled.nodes[task.nodeId];
  if (info?.task?.kind !== 'approval')
    throw new RuntimeError('wrong-task-kind', `"${task.nodeId}" is not an approval.`);
  if (event.decision !== 'approved' && event.decision !== 'rejected') {
    throw new RuntimeError(
      'invalid-outcome',
      `A decision is "approved" or "rejected", not "${String(event.decision)}".`,
    );
  }
  if (task.item !== undefined) {
    decideItem(session, { ...info, task: info.task }, task, event);
    return;
  }
  const votes = session.book.votes[task.taskKey] ?? [];
  if (votes.some((vote) => vote.actor === event.actor.id)) {
    throw new RuntimeError('already-decided', `${event.actor.id} has already decided "${task.taskKey}".`, {
      taskKey: task.taskKey,
      actor: event.actor.id,
    });
  }
  const isRequester =
    event.actor.isRequester === true ||
    (session.book.requester !== undefined && session.book.requester === event.actor.id);
  if (isRequester && !info.task.allowRequester) {
    throw new RuntimeError(
      'requester-not-allowed',
      `The requester may not decide "${info.name}" on their own ticket.`,
      { taskKey: task.taskKey },
    );
  }
  const policy = info.task.policy;
  const groupRoles = policy.type === 'groups' ? policy.groups.map((group) => group.role) : [];
  const roles = (event.actorRoles ?? []).filter((role) => groupRoles.includes(role));
  if (policy.type === 'groups' && roles.length === 0) {
    throw new RuntimeError(
      'not-in-group',
      `${event.actor.id} holds none of the roles that decide "${info.name}" (${groupRoles.join(', ')}).`,
      { taskKey: task.taskKey },
    );
  }
  if (event.fields) Object.assign(session.fields, event.fields);
  const vote: Vote = { actor: event.actor.id, decision: event.decision };
  if (event.comment !== undefined) vote.comment = event.comment;
  if (policy.type === 'groups') vote.roles = roles;
  votes.push(vote);
  session.book.votes[task.taskKey] = votes;
  const tally =
    policy.type === 'groups'
      ? tallyGroups(policy.groups, votes, event.eligibleByRole)
      : tallyVotes(policy, votes, event.eligibleCount);
  session.record('approval.decide', task.nodeId, task.nodeId, {
    kind: 'vote',
    decision: event.decision,
    actor: event.actor.id,
    ...(event.comment === undefined
      ? {}
      : { comment: event.comment, ...(event.visibility ? { visibility: event.visibility } : {}) }),
    approved: tally.approved,
    rejected: tally.rejected,
    ...('groups' in tally ? { groups: (tally as GroupsTally).groups } : {}),
  });
  if (tally.decision === null) return;
  closeTask(session, task.taskKey, 'completed', tally.decision);
  leaveBy(
    session,
    task,
    tally.decision,
    withOptional({ kind: 'outcome', outcome: tally.decision }, event.actor.id, undefined),
    'approval.decide',
  );
}

/** One item's approval: the first eligible vote decides the item (separation of duties still applies). */
function decideItem(
  session: Session,
  info: Parameters<typeof finishItem>[1],
  task: Parameters<typeof finishItem>[2],
  event: EventOf<'approval.decide'>,
): void {
  const isRequester =
    event.actor.isRequester === true ||
    (session.book.requester !== undefined && session.book.requester === event.actor.id);
  if (isRequester && !(info.task.kind === 'approval' && info.task.allowRequester)) {
    throw new RuntimeError(
      'requester-not-allowed',
      `The requester may not decide "${info.name}" on their own ticket.`,
      { taskKey: task.taskKey },
    );
  }
  if (event.decision !== 'approved' && event.decision !== 'rejected') {
    throw new RuntimeError(
      'invalid-outcome',
      `A decision is "approved" or "rejected", not "${String(event.decision)}".`,
    );
  }
  if (event.fields) Object.assign(session.fields, event.fields);
  session.record('approval.decide', task.nodeId, task.nodeId, {
    kind: 'vote',
    decision: event.decision,
    actor: event.actor.id,
    ...(event.comment === undefined
      ? {}
      : { comment: event.comment, ...(event.visibility ? { visibility: event.visibility } : {}) }),
    approved: event.decision === 'approved' ? 1 : 0,
    rejected: event.decision === 'rejected' ? 1 : 0,
  });
  closeTask(session, task.taskKey, 'completed', event.decision);
  itemDone(
    session,
    info,
    task,
    event.decision,
    { kind: 'outcome', outcome: event.decision, actor: event.actor.id },
    'approval.decide',
  );
}

function fireTimer(session: Session, event: EventOf<'timer.fire'>): void {
  const { book } = session;
  const timer = book.open.timers.find((t) => t.timerKey === event.timerKey);
  if (!timer)
    throw new RuntimeError(
      'timer-not-active',
      `Timer "${event.timerKey}" is not active (already fired or cancelled).`,
      { timerKey: event.timerKey },
    );
  book.open.timers = book.open.timers.filter((t) => t.timerKey !== event.timerKey);
  const info = session.compiled.nodes[timer.nodeId];
  if (timer.purpose === 'timer') {
    leaveBy(session, timer, 'fired', { kind: 'note', text: 'timer fired' }, 'timer.fire');
    return;
  }
  const task = book.open.tasks.find((t) => t.path === timer.path);
  const auto = info?.timeout?.autoDecision;
  if (task && auto) {
    closeTask(session, task.taskKey, 'completed', auto);
    leaveBy(
      session,
      timer,
      auto,
      { kind: 'note', text: `timed out after ${info?.timeout?.after}: decided ${auto} automatically` },
      'timer.fire',
    );
    return;
  }
  if (task) closeTask(session, task.taskKey, 'cancelled', 'timeout');
  book.open.messages = book.open.messages.filter((m) => m.path !== timer.path);
  leaveBy(session, timer, 'timeout', { kind: 'outcome', outcome: 'timeout' }, 'timer.fire');
}

function receiveMessage(session: Session, event: EventOf<'message.receive'>): void {
  const waits = session.book.open.messages.filter((m) => m.message === event.message);
  if (waits.length === 0)
    throw new RuntimeError('message-not-awaited', `Nothing on this instance waits for "${event.message}".`, {
      message: event.message,
    });
  if (event.payload) Object.assign(session.fields, event.payload);
  for (const wait of waits) {
    if (!session.book.open.messages.includes(wait) || session.status !== 'active') continue;
    session.book.open.messages = session.book.open.messages.filter((m) => m !== wait);
    leaveBy(session, wait, 'received', { kind: 'message', message: event.message }, 'message.receive');
  }
}

function actionResult(session: Session, event: EventOf<'action.result'>): void {
  const { book } = session;
  const action = book.open.actions.find((a) => a.actionKey === event.actionKey);
  if (!action)
    throw new RuntimeError(
      'action-not-pending',
      `Action "${event.actionKey}" is not pending on this instance.`,
      { actionKey: event.actionKey },
    );
  if (event.outcome !== 'ok' && event.outcome !== 'failed')
    throw new RuntimeError('invalid-outcome', `An action result is "ok" or "failed".`);
  book.open.actions = book.open.actions.filter((a) => a.actionKey !== event.actionKey);
  if (event.outcome === 'ok' && event.fields) Object.assign(session.fields, event.fields);
  if (event.outcome === 'failed' && !edgeForOutcome(session.compiled, action.nodeId, 'failed')) {
    session.incident(
      'action-failed',
      `Action "${action.nodeId}" failed${event.error ? `: ${event.error}` : ''}; no "failed" edge follows it.`,
      action.nodeId,
    );
    return;
  }
  const detail =
    event.outcome === 'failed' && event.error
      ? { kind: 'note' as const, text: `failed: ${event.error}` }
      : { kind: 'outcome' as const, outcome: event.outcome };
  leaveBy(session, action, event.outcome, detail, 'action.result');
}

/**
 * The child of a sub-flow node ended: the parent's fields named in the node's `output` take the
 * child's values (unless the child was cancelled), and the node leaves by the child's outcome —
 * an incident when no edge follows it (a child version published later with a new outcome).
 */
function endSubflow(session: Session, event: EventOf<'subflow.end'>): void {
  const { book } = session;
  const subflow = book.open.subflows.find((s) => s.subflowKey === event.subflowKey);
  if (!subflow)
    throw new RuntimeError(
      'subflow-not-active',
      `Nothing on this instance waits for the sub-flow "${event.subflowKey}" (it ended, was cancelled or the flow moved on).`,
      { subflowKey: event.subflowKey },
    );
  if (typeof event.outcome !== 'string' || event.outcome === '')
    throw new RuntimeError('invalid-outcome', 'A sub-flow ends with an outcome word.');
  book.open.subflows = book.open.subflows.filter((s) => s !== subflow);
  const output = session.compiled.nodes[subflow.nodeId]?.subflow?.output ?? {};
  if (event.outcome !== 'cancelled' && event.fields) {
    for (const [parentField, childField] of Object.entries(output)) {
      if (Object.hasOwn(event.fields, childField)) session.fields[parentField] = event.fields[childField];
    }
  }
  leaveBy(session, subflow, event.outcome, { kind: 'outcome', outcome: event.outcome }, 'subflow.end');
}

function retryAction(session: Session, event: EventOf<'action.retry'>): void {
  const { book, compiled } = session;
  const placement = session
    .active()
    .find((p) => p.kind === 'node' && `${p.nodeId}#${session.entries()[p.path] ?? 1}` === event.actionKey);
  const info = placement?.kind === 'node' ? compiled.nodes[placement.nodeId] : undefined;
  const pending = book.open.actions.some((a) => a.actionKey === event.actionKey);
  if (
    !placement ||
    !info ||
    info.node.type !== 'action' ||
    info.node.action.type === 'set-fields' ||
    pending
  ) {
    throw new RuntimeError(
      'action-not-pending',
      `Action "${event.actionKey}" is not waiting for a retry on this instance.`,
      { actionKey: event.actionKey },
    );
  }
  book.open.actions.push({ actionKey: event.actionKey, nodeId: info.id, path: placement.path });
  session.effects.push({
    type: 'action.perform',
    actionKey: event.actionKey,
    nodeId: info.id,
    action: info.node.action,
  });
  session.record('action.retry', info.id, info.id, {
    kind: 'note',
    text: 'action retried after an incident',
  });
}

function withOptional(
  detail: { kind: 'outcome'; outcome: string },
  actor: string | undefined,
  comment: string | undefined,
  visibility?: 'internal' | 'public',
) {
  return {
    ...detail,
    ...(actor === undefined ? {} : { actor }),
    ...(comment === undefined ? {} : { comment, ...(visibility ? { visibility } : {}) }),
  };
}
