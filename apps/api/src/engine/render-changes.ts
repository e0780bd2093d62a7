import { valuesList, type Param } from '../common/sql/sql-batch.js';
import type { InstanceUpdate, TaskChange, TicketChange, TimerChange } from './step-plan.types.js';

/**
 * Set-based SQL for the changes a plan collected: one UPDATE per kind of
 * change (rows matched through a VALUES list), whatever the number of rows,
 * so a batch of 32 timer steps is about as many statement parts as one step.
 * Pure apart from adding parameters.
 */

/** The instances' new snapshots, each guarded by the `seq` read under the lock. */
export function instanceUpdatesSql(updates: InstanceUpdate[], p: Param): string {
  return `UPDATE instances i SET snapshot = v.snapshot, status = v.status, active_nodes = v.active_nodes, seq = v.seq, updated_at = now()
    FROM (VALUES ${valuesList(
      updates.map((u) => [u.id, u.expectedSeq, JSON.stringify(u.snapshot), u.status, u.activeNodes, u.seq]),
      p,
      ['uuid', 'int', 'jsonb', 'text', 'text[]', 'int'],
    )})
      AS v(id, expected, snapshot, status, active_nodes, seq)
    WHERE i.id = v.id AND i.seq = v.expected RETURNING i.id`;
}

const TASK_COLUMNS: {
  key: keyof TaskChange;
  cast: string;
  set: (column: string) => string;
  value: (change: TaskChange) => unknown;
}[] = [
  { key: 'close', cast: 'text', set: (v) => `status = ${v}`, value: (c) => c.close?.status },
  {
    key: 'close',
    cast: 'text',
    set: (v) => `outcome = coalesce(k.outcome, ${v})`,
    value: (c) => c.close?.outcome ?? null,
  },
  { key: 'completedBy', cast: 'uuid', set: (v) => `completed_by = ${v}`, value: (c) => c.completedBy },
  { key: 'comment', cast: 'text', set: (v) => `comment = ${v}`, value: (c) => c.comment },
  { key: 'dueAt', cast: 'timestamptz', set: (v) => `due_at = ${v}`, value: (c) => c.dueAt },
  { key: 'assigneeId', cast: 'uuid', set: (v) => `assignee_id = ${v}`, value: (c) => c.assigneeId },
  { key: 'candidateRole', cast: 'text', set: (v) => `candidate_role = ${v}`, value: (c) => c.candidateRole },
  {
    key: 'candidateUsers',
    cast: 'uuid[]',
    set: (v) => `candidate_users = ${v}`,
    value: (c) => c.candidateUsers,
  },
];

/** Changes of existing tasks, one UPDATE per set of changed columns. Only open tasks change. */
export function taskChangesSql(
  changes: { instanceId: string; taskKey: string; change: TaskChange }[],
  p: Param,
): string[] {
  const present = (change: TaskChange) =>
    TASK_COLUMNS.filter(
      (column) => change[column.key] !== undefined && !(column.key === 'comment' && change.comment === null),
    );
  const groups = new Map<string, typeof changes>();
  for (const entry of changes) {
    const signature = present(entry.change)
      .map((column) => column.set(''))
      .join(',');
    groups.set(signature, [...(groups.get(signature) ?? []), entry]);
  }
  return [...groups.values()].map((group) => {
    const columns = present((group[0] as (typeof changes)[number]).change);
    const sets = columns.map((column, index) => column.set(`v.c${index}`));
    if (columns.some((column) => column.key === 'close'))
      sets.push('completed_at = coalesce(k.completed_at, now())');
    if (sets.length === 0) sets.push('status = k.status');
    const rows = group.map(({ instanceId, taskKey, change }) => [
      instanceId,
      taskKey,
      ...columns.map((column) => column.value(change) ?? null),
    ]);
    return `UPDATE tasks k SET ${sets.join(', ')}
      FROM (VALUES ${valuesList(rows, p, ['uuid', 'text', ...columns.map((column) => column.cast)])}) AS v(instance_id, task_key${columns.map((_, index) => `, c${index}`).join('')})
      WHERE k.instance_id = v.instance_id AND k.task_key = v.task_key AND k.status = 'open' RETURNING k.id`;
  });
}

const TICKET_COLUMNS: {
  key: keyof TicketChange;
  cast: string;
  set: (v: string) => string;
  value: (change: TicketChange) => unknown;
}[] = [
  { key: 'fields', cast: 'jsonb', set: (v) => `fields = ${v}`, value: (c) => JSON.stringify(c.fields) },
  { key: 'status', cast: 'text', set: (v) => `status = ${v}`, value: (c) => c.status },
  { key: 'outcome', cast: 'text', set: (v) => `outcome = ${v}`, value: (c) => c.outcome },
  {
    key: 'closed',
    cast: 'boolean',
    set: () => 'closed_at = coalesce(t.closed_at, now())',
    value: (c) => c.closed,
  },
  { key: 'priority', cast: 'text', set: (v) => `priority = ${v}`, value: (c) => c.priority },
  { key: 'tags', cast: 'text[]', set: (v) => `tags = ${v}`, value: (c) => c.tags },
  { key: 'assigneeGroup', cast: 'text', set: (v) => `assignee_group = ${v}`, value: (c) => c.assigneeGroup },
];

/** Changes of tickets, one UPDATE per set of changed columns. */
export function ticketChangesSql(changes: [string, TicketChange][], p: Param): string[] {
  const present = (change: TicketChange) =>
    TICKET_COLUMNS.filter(
      (column) => change[column.key] !== undefined && !(column.key === 'closed' && !change.closed),
    );
  const groups = new Map<string, [string, TicketChange][]>();
  for (const entry of changes) {
    const signature = present(entry[1])
      .map((column) => column.key)
      .join(',');
    groups.set(signature, [...(groups.get(signature) ?? []), entry]);
  }
  return [...groups.values()].map((group) => {
    const columns = present((group[0] as [string, TicketChange])[1]);
    const sets = ['updated_at = now()', ...columns.map((column, index) => column.set(`v.c${index}`))];
    const rows = group.map(([id, change]) => [id, ...columns.map((column) => column.value(change) ?? null)]);
    return `UPDATE tickets t SET ${sets.join(', ')}
      FROM (VALUES ${valuesList(rows, p, ['uuid', ...columns.map((column) => column.cast)])}) AS v(id${columns.map((_, index) => `, c${index}`).join('')})
      WHERE t.id = v.id RETURNING t.id`;
  });
}

type Keyed<T> = { instanceId: string; timerKey: string; change: T };

/** Timer changes, one statement part per kind: upserts for schedules, UPDATEs through a VALUES list for the rest. */
export function timerChangesSql(changes: Keyed<TimerChange>[], p: Param): string[] {
  const of = <K extends TimerChange['kind']>(kind: K) =>
    changes.filter((c) => c.change.kind === kind) as Keyed<Extract<TimerChange, { kind: K }>>[];
  const parts: string[] = [];
  const update = (rows: unknown[][], casts: string[], names: string, sets: string, extra = '') =>
    parts.push(`UPDATE timers t SET ${sets} FROM (VALUES ${valuesList(rows, p, ['uuid', 'text', ...casts])}) AS v(instance_id, timer_key${names})
      WHERE t.instance_id = v.instance_id AND t.timer_key = v.timer_key${extra} RETURNING t.id`);
  const schedules = of('schedule');
  if (schedules.length > 0) {
    parts.push(`INSERT INTO timers (instance_id, timer_key, node_id, purpose, due_at) VALUES ${valuesList(
      schedules.map((s) => [s.instanceId, s.timerKey, s.change.nodeId, s.change.purpose, s.change.dueAt]),
      p,
    )}
      ON CONFLICT (instance_id, timer_key) DO UPDATE SET due_at = EXCLUDED.due_at, node_id = EXCLUDED.node_id, purpose = EXCLUDED.purpose, status = 'scheduled',
        fired_at = NULL, claimed_until = NULL, attempts = 0, last_error = NULL RETURNING id`);
  }
  const keys = (list: Keyed<unknown>[]) => list.map((c) => [c.instanceId, c.timerKey]);
  if (of('cancel').length > 0)
    update(
      keys(of('cancel')),
      [],
      '',
      `status = 'cancelled', claimed_until = NULL`,
      ` AND t.status = 'scheduled'`,
    );
  if (of('fired').length > 0)
    update(keys(of('fired')), [], '', `status = 'fired', fired_at = now(), claimed_until = NULL`);
  if (of('release').length > 0)
    update(
      keys(of('release')),
      [],
      '',
      'claimed_until = NULL, attempts = greatest(t.attempts - 1, 0)',
      ` AND t.status = 'scheduled'`,
    );
  const retire = of('retire');
  if (retire.length > 0)
    update(
      retire.map((c) => [c.instanceId, c.timerKey, c.change.reason.slice(0, 1000)]),
      ['text'],
      ', reason',
      `status = 'cancelled', claimed_until = NULL, last_error = v.reason`,
    );
  const postpone = of('postpone');
  if (postpone.length > 0)
    update(
      postpone.map((c) => [c.instanceId, c.timerKey, c.change.seconds]),
      ['float8'],
      ', seconds',
      'claimed_until = now() + make_interval(secs => v.seconds)',
    );
  const retry = of('retry');
  if (retry.length > 0) {
    update(
      retry.map((c) => [
        c.instanceId,
        c.timerKey,
        c.change.error.slice(0, 1000),
        c.change.backoffSeconds,
        c.change.maxAttempts,
      ]),
      ['text', 'float8', 'int'],
      ', error, backoff, max_attempts',
      `last_error = v.error, claimed_until = now() + make_interval(secs => v.backoff), status = CASE WHEN t.attempts >= v.max_attempts THEN 'failed' ELSE t.status END`,
      ` AND t.status = 'scheduled'`,
    );
  }
  return parts;
}
