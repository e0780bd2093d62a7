import type { NodeInfo, TaskInfo } from '@ticketflow/compiler';
import type { Approvers } from '@ticketflow/definition';
import { tallyVotes } from './approval-policy.js';
import type { Effect } from './runtime.types.js';
import type { OpenWork, Vote } from './runtime-book.types.js';
import type { Session } from './step-session.js';

type OpenTask = OpenWork['tasks'][number];

/** `review#2.3`: the third item's task of the second visit of `review`. */
export function itemKey(key: string, index: number): string {
  return `${key}.${index + 1}`;
}

/** The step key an item task belongs to (`review#2.3` → `review#2`). Pure. */
export function runKeyOf(task: Pick<OpenTask, 'taskKey' | 'item'>): string {
  return task.item === undefined ? task.taskKey : task.taskKey.slice(0, task.taskKey.lastIndexOf('.'));
}

/**
 * Approvers read from a `users` field become the users it lists when the step starts.
 * Returns null (after raising an incident) when the field lists nobody. Mutates only the session.
 */
function resolveApprovers(
  session: Session,
  info: NodeInfo,
  approvers: Approvers | undefined,
): Approvers | undefined | null {
  if (!approvers || !('field' in approvers)) return approvers;
  const value = session.fields[approvers.field];
  const users = Array.isArray(value)
    ? [...new Set(value.filter((user): user is string => typeof user === 'string' && user !== ''))]
    : [];
  if (users.length === 0) {
    session.incident(
      'no-approvers',
      `"${info.name}" takes its approvers from the field "${approvers.field}", which lists nobody.`,
      info.id,
    );
    return null;
  }
  return { users };
}

/**
 * Opens the work of a task or approval node entered as `key` at `path`: one
 * task, or with `forEach` one task per item of the list field (each seeing
 * its item; an empty list leaves at once, see {@link emptyRunOutcome}).
 * Approvers from a users field are read now. Mutates only the session.
 */
export function openStep(
  session: Session,
  info: NodeInfo & { task: TaskInfo },
  key: string,
  path: string,
): void {
  const { book } = session;
  const task = info.task;
  const base =
    task.kind === 'task'
      ? { ...task }
      : { ...task, approvers: resolveApprovers(session, info, task.approvers) };
  if (base.kind === 'approval' && base.approvers === null) return;
  const {
    forEach: _forEach,
    completion: _completion,
    ...shown
  } = base as TaskInfo & { completion?: unknown };
  const create = (taskKey: string, extra: Partial<Extract<Effect, { type: 'task.create' }>> = {}) =>
    session.effects.push({ type: 'task.create', taskKey, nodeId: info.id, ...shown, ...extra } as Effect);
  if (task.forEach === undefined) {
    book.open.tasks.push({ taskKey: key, nodeId: info.id, kind: task.kind, path });
    if (task.kind === 'approval') book.votes[key] = [];
    create(key);
    return;
  }
  const list = session.fields[task.forEach];
  const items = Array.isArray(list) ? list : [];
  (book.items ??= {})[key] = { of: items.length, outcomes: {} };
  items.forEach((value, index) => {
    const taskKey = itemKey(key, index);
    book.open.tasks.push({ taskKey, nodeId: info.id, kind: task.kind, path, item: index });
    if (task.kind === 'approval') book.votes[taskKey] = [];
    create(taskKey, {
      name: `${task.name} (${index + 1}/${items.length})`,
      item: { index, of: items.length, value },
    });
  });
}

/** The outcome a multi-instance step leaves by when its list was empty (approved / its first outcome), else null. Pure. */
export function emptyRunOutcome(session: Session, info: NodeInfo, key: string, path: string): string | null {
  if (info.task?.forEach === undefined || session.book.items?.[key]?.of !== 0) return null;
  if (session.book.open.tasks.some((task) => task.path === path)) return null;
  return info.task.kind === 'approval' ? 'approved' : (info.task.outcomes[0] ?? 'completed');
}

/**
 * Records one item's outcome and says whether the step is now decided: the
 * node's outcome, or null while more items are needed. Approvals count items
 * like votes under the node's policy (all: one rejected item rejects); tasks
 * complete when enough items are done (policy any / all / quorum / percent,
 * default all) and leave by the outcome most items chose (ties: the earlier
 * outcome). Mutates only the session's book.
 */
export function finishItem(
  session: Session,
  info: NodeInfo & { task: TaskInfo },
  task: OpenTask,
  outcome: string,
): string | null {
  const run = session.book.items?.[runKeyOf(task)];
  if (!run || task.item === undefined) return null;
  run.outcomes[String(task.item)] = outcome;
  const outcomes = Object.values(run.outcomes);
  if (info.task.kind === 'approval') {
    const votes: Vote[] = outcomes.map((decision, index) => ({
      actor: String(index),
      decision: decision === 'approved' ? 'approved' : 'rejected',
    }));
    return tallyVotes(info.task.policy, votes, run.of).decision;
  }
  const policy = info.task.completion ?? { type: 'all' };
  const needed =
    policy.type === 'any'
      ? 1
      : policy.type === 'quorum'
        ? Math.min(policy.count, run.of)
        : policy.type === 'percent'
          ? Math.ceil((run.of * policy.value) / 100)
          : run.of;
  if (outcomes.length < Math.max(1, needed)) return null;
  const order = info.task.outcomes;
  const counts = order.map((name) => outcomes.filter((chosen) => chosen === name).length);
  return order[counts.indexOf(Math.max(...counts))] ?? outcome;
}
