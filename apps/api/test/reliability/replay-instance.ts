import { compileDefinition } from '@ticketflow/compiler';
import type { FieldValues, WorkflowDefinition } from '@ticketflow/definition';
import {
  pendingWork,
  start,
  step,
  type InstanceSnapshot,
  type RuntimeEvent,
  type TransitionRecord,
} from '@ticketflow/runtime';

/** One stored `transitions` row. */
export interface TransitionRow {
  seq: number;
  event: string;
  from_node: string | null;
  to_node: string | null;
  actor_id: string | null;
  payload: Record<string, unknown> | null;
}

export interface Replay {
  snapshot: InstanceSnapshot;
  fields: FieldValues;
  /** User events re-applied (task completions, votes). */
  events: number;
}

/**
 * Rebuilds an instance from its recorded history through the pure runtime:
 * `start()` with the ticket's fields, then, for every transition that a user
 * caused (not `auto`), the event that caused it — a task completion with its
 * outcome, or a vote with its decision, the task key taken from the replayed
 * snapshot's open work at that node. Each step must reproduce exactly the
 * stored rows that follow (event, from, to, detail); any difference, a gap or
 * an unexplained `auto` row throws, naming the seq. Supports the events the
 * reliability flows use (tasks, approvals decided by one vote). Pure.
 */
export async function replayInstance(
  definition: WorkflowDefinition,
  fields: FieldValues,
  requesterId: string,
  rows: readonly TransitionRow[],
  eligibleCount = 1,
): Promise<Replay> {
  rows.forEach((row, index) => {
    if (row.seq !== index + 1)
      throw new Error(`seq gap: row ${index} has seq ${row.seq}, expected ${index + 1}`);
  });
  const compiled = compileDefinition(definition);
  let result = await start(compiled, fields, { requester: requesterId });
  let at = expectRows(rows, 0, result.transitions);
  let events = 0;
  while (at < rows.length) {
    const row = rows[at] as TransitionRow;
    const event = eventFor(row, result.snapshot, eligibleCount);
    result = await step(compiled, result.snapshot, event, result.fields);
    at = expectRows(rows, at, result.transitions);
    events += 1;
  }
  return { snapshot: result.snapshot, fields: result.fields, events };
}

function eventFor(row: TransitionRow, snapshot: InstanceSnapshot, eligibleCount: number): RuntimeEvent {
  const detail = row.payload ?? {};
  const actorId = String(detail.actor ?? row.actor_id);
  const openAt = pendingWork(snapshot).tasks.find((task) => task.nodeId === row.from_node);
  if (row.event === 'task.complete' && openAt) {
    return {
      type: 'task.complete',
      taskKey: openAt.taskKey,
      outcome: String(detail.outcome),
      actor: { id: actorId },
      ...(detail.comment === undefined ? {} : { comment: String(detail.comment) }),
    };
  }
  if (row.event === 'approval.decide' && openAt && detail.kind === 'vote') {
    const decision = detail.decision === 'rejected' ? 'rejected' : 'approved';
    return {
      type: 'approval.decide',
      taskKey: openAt.taskKey,
      decision,
      actor: { id: actorId },
      eligibleCount,
      ...(detail.comment === undefined ? {} : { comment: String(detail.comment) }),
    };
  }
  throw new Error(
    `seq ${row.seq}: no user event explains "${row.event}" from ${row.from_node} (open: ${JSON.stringify(pendingWork(snapshot).tasks)})`,
  );
}

/** Checks that `produced` matches the stored rows from `at`; returns the index after them. */
function expectRows(
  rows: readonly TransitionRow[],
  at: number,
  produced: readonly TransitionRecord[],
): number {
  produced.forEach((transition, offset) => {
    const row = rows[at + offset];
    const want = {
      event: transition.event,
      from: transition.from,
      to: transition.to,
      detail: transition.detail ?? null,
    };
    const got = row && { event: row.event, from: row.from_node, to: row.to_node, detail: row.payload };
    if (!got || JSON.stringify(sortDeep(got)) !== JSON.stringify(sortDeep(want))) {
      throw new Error(
        `seq ${at + offset + 1}: stored ${JSON.stringify(got)} but replay produced ${JSON.stringify(want)}`,
      );
    }
  });
  return at + produced.length;
}

/** A JSON copy with keys sorted (jsonb does not keep key order). */
export function sortDeep(value: unknown): unknown {
  const plain = JSON.parse(JSON.stringify(value ?? null)) as unknown;
  const sort = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(sort)
      : v !== null && typeof v === 'object'
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((k) => [k, sort((v as Record<string, unknown>)[k])]),
          )
        : v;
  return sort(plain);
}
