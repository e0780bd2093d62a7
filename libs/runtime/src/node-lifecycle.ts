import type { Placement } from '@ticketflow/compiler';
import { openStep } from './multi-instance.js';
import type { Session } from './step-session.js';

/**
 * What entering a placement produces: tasks, timers, awaited messages,
 * action requests, the parallel fan-out records. Mutates only the session.
 */
export function enterPlacement(session: Session, placement: Placement): void {
  if (placement.kind !== 'node') return;
  const { compiled, book } = session;
  const info = compiled.nodes[placement.nodeId];
  if (!info) return;
  session.entered.push(info.id);
  const visit = session.entries()[placement.path] ?? 1;
  const path = placement.path;
  const key = `${info.id}#${visit}`;

  if (info.task) openStep(session, { ...info, task: info.task }, key, path);
  if (info.timeout) {
    const timerKey = `${key}:timeout`;
    book.open.timers.push({ timerKey, nodeId: info.id, purpose: 'timeout', path });
    session.effects.push({
      type: 'timer.schedule',
      timerKey,
      nodeId: info.id,
      purpose: 'timeout',
      after: info.timeout.after,
      businessHours: info.timeout.businessHours,
    });
  }
  switch (info.node.type) {
    case 'wait':
      book.open.messages.push({ nodeId: info.id, message: info.node.message, path });
      break;
    case 'timer':
      scheduleTimerNode(session, info.node, `${key}:timer`, path);
      break;
    case 'subflow':
      startSubflow(session, info.node.workflowKey, info.subflow?.input ?? {}, { key, nodeId: info.id, path });
      break;
    case 'action':
      if (info.node.action.type !== 'set-fields') {
        book.open.actions.push({ actionKey: key, nodeId: info.id, path });
        session.effects.push({
          type: 'action.perform',
          actionKey: key,
          nodeId: info.id,
          action: info.node.action,
        });
      }
      break;
    case 'end':
      if (placement.parallelId !== undefined) book.lastOutcome = info.outcome ?? 'resolved';
      break;
    case 'parallel':
      info.outgoing.forEach((edge, index) =>
        session.record('auto', info.id, edge.target, {
          kind: 'note',
          text: `parallel branch ${index + 1} of ${info.outgoing.length}`,
        }),
      );
      break;
    default:
      break;
  }
}

/**
 * A node entered and left within one event (only end nodes of a split
 * without a join can do that): remember it for the path and the outcome.
 * Mutates only the session.
 */
export function passThrough(session: Session, nodeId: string): void {
  const info = session.compiled.nodes[nodeId];
  if (!info) return;
  session.entered.push(nodeId);
  if (info.type === 'end') session.book.lastOutcome = info.outcome ?? 'resolved';
}

/** Opens the wait for a child instance and asks for it, its fields mapped from the parent's (child ← parent). */
function startSubflow(
  session: Session,
  workflowKey: string,
  input: Record<string, string>,
  at: { key: string; nodeId: string; path: string },
): void {
  const values: Record<string, unknown> = {};
  for (const [childField, parentField] of Object.entries(input)) {
    if (session.fields[parentField] !== undefined) values[childField] = session.fields[parentField];
  }
  session.book.open.subflows.push({ subflowKey: at.key, nodeId: at.nodeId, workflowKey, path: at.path });
  session.effects.push({
    type: 'subflow.start',
    subflowKey: at.key,
    nodeId: at.nodeId,
    workflowKey,
    input: values,
  });
}

function scheduleTimerNode(
  session: Session,
  node: { id: string; after?: string; until?: string; businessHours?: boolean },
  timerKey: string,
  path: string,
): void {
  const base = {
    type: 'timer.schedule' as const,
    timerKey,
    nodeId: node.id,
    purpose: 'timer' as const,
    businessHours: node.businessHours === true,
  };
  if (node.until !== undefined) {
    const raw = session.fields[node.until];
    const date =
      typeof raw === 'string' || typeof raw === 'number' || raw instanceof Date ? new Date(raw) : null;
    if (!date || Number.isNaN(date.getTime())) {
      session.incident(
        'invalid-timer-date',
        `Timer "${node.id}" waits until field "${node.until}", which holds no valid date.`,
        node.id,
      );
      return;
    }
    session.book.open.timers.push({ timerKey, nodeId: node.id, purpose: 'timer', path });
    session.effects.push({ ...base, at: date.toISOString() });
    return;
  }
  if (node.after === undefined) {
    session.incident('invalid-timer', `Timer "${node.id}" has neither "after" nor "until".`, node.id);
    return;
  }
  session.book.open.timers.push({ timerKey, nodeId: node.id, purpose: 'timer', path });
  session.effects.push({ ...base, after: node.after });
}

/**
 * What leaving a placement produces: open tasks of that node are closed as
 * cancelled, its timers cancelled, awaited messages and pending actions
 * dropped, running sub-flows cancelled (work the event itself finished was removed before the move).
 * Records the cancellation when a step was abandoned. Mutates only the session.
 */
export function exitPlacement(session: Session, placement: Placement, eventName: string): void {
  if (placement.kind !== 'node') return;
  const { book } = session;
  const { nodeId, path } = placement;
  const here = (item: { path: string }) => item.path === path;
  const elsewhere = (item: { path: string }) => item.path !== path;
  let abandoned = false;
  for (const task of book.open.tasks.filter(here)) {
    session.effects.push({ type: 'task.close', taskKey: task.taskKey, nodeId, status: 'cancelled' });
    delete book.votes[task.taskKey];
    abandoned = true;
  }
  book.open.tasks = book.open.tasks.filter(elsewhere);
  for (const timer of book.open.timers.filter(here)) {
    session.effects.push({ type: 'timer.cancel', timerKey: timer.timerKey, nodeId });
    if (timer.purpose === 'timer') abandoned = true;
  }
  book.open.timers = book.open.timers.filter(elsewhere);
  if (book.open.messages.some(here)) abandoned = true;
  book.open.messages = book.open.messages.filter(elsewhere);
  if (book.open.actions.some(here)) abandoned = true;
  book.open.actions = book.open.actions.filter(elsewhere);
  for (const subflow of book.open.subflows.filter(here)) {
    session.effects.push({ type: 'subflow.cancel', subflowKey: subflow.subflowKey, nodeId });
    abandoned = true;
  }
  book.open.subflows = book.open.subflows.filter(elsewhere);
  if (abandoned)
    session.record(eventName, nodeId, null, { kind: 'note', text: 'step cancelled: the flow left it' });
}
