import type { EntityManager } from 'typeorm';
import type { StepResult, TransitionRecord } from '@ticketflow/runtime';
import { conflict, notFound } from '../common/errors/domain-error.js';
import type { LoadedInstance } from './loaded-instance.js';

interface InstanceRow {
  id: string;
  ticket_id: string;
  version_id: string;
  seq: number;
  status: string;
  snapshot: LoadedInstance['snapshot'];
  fields: Record<string, unknown>;
  requester_id: string;
  key: string;
  version: number;
  definition: LoadedInstance['definition'];
}

/**
 * Loads an instance and locks its row until the transaction ends, so events on
 * one ticket are serialised: two that conflict see each other's effect (the
 * loser gets a 409), two that do not both take effect, in turn. By task id,
 * the task's instance is found in the same statement (one round trip).
 */
export async function loadInstanceForUpdate(manager: EntityManager, where: { instanceId?: string; ticketId?: string; taskId?: string }): Promise<LoadedInstance> {
  const byTicket = where.ticketId !== undefined;
  const byTask = !byTicket && where.taskId !== undefined;
  const rows = (await manager.query(
    `SELECT i.id, i.ticket_id, i.version_id, i.seq, i.status, i.snapshot, t.fields, t.requester_id, v.key, v.version, v.definition
       FROM instances i JOIN tickets t ON t.id = i.ticket_id JOIN workflow_versions v ON v.id = i.version_id
      WHERE ${byTicket ? 'i.ticket_id = $1' : byTask ? 'i.id = (SELECT k.instance_id FROM tasks k WHERE k.id = $1)' : 'i.id = $1'}
      FOR UPDATE OF i, t`,
    [byTicket ? where.ticketId : byTask ? where.taskId : where.instanceId],
  )) as InstanceRow[];
  const row = rows[0];
  if (!row) throw notFound(byTicket ? 'Ticket' : byTask ? 'Task' : 'Instance', String(where.ticketId ?? where.taskId ?? where.instanceId));
  return {
    id: row.id,
    ticketId: row.ticket_id,
    versionId: row.version_id,
    seq: row.seq,
    status: row.status,
    snapshot: row.snapshot,
    fields: row.fields,
    requesterId: row.requester_id,
    workflowKey: row.key,
    version: row.version,
    definition: row.definition,
  };
}

/**
 * Writes the new snapshot and appends the transitions in two statements.
 * `UPDATE … WHERE seq = expected` checks the row count: a writer that lost a
 * race gets a 409 rather than overwriting (defence in depth beside the lock).
 */
export async function saveStep(
  manager: EntityManager,
  instance: Pick<LoadedInstance, 'id' | 'seq'>,
  result: StepResult,
  actorId: string | null,
): Promise<number> {
  const nextSeq = instance.seq + result.transitions.length;
  const [, updated] = (await manager.query(
    `UPDATE instances SET snapshot = $3, status = $4, active_nodes = $5, seq = $6, updated_at = now()
      WHERE id = $1 AND seq = $2`,
    [instance.id, instance.seq, JSON.stringify(result.snapshot), result.snapshot.status, result.snapshot.activeNodes, nextSeq],
  )) as [unknown, number];
  if (updated !== 1) {
    throw conflict('instance-changed', 'The ticket moved on while this action was being processed; reload and try again.');
  }
  await insertTransitions(manager, instance.id, instance.seq, result.transitions, actorId);
  return nextSeq;
}

/** Appends transitions numbered after `afterSeq`, in one multi-row INSERT. */
export async function insertTransitions(
  manager: EntityManager,
  instanceId: string,
  afterSeq: number,
  transitions: TransitionRecord[],
  actorId: string | null,
): Promise<void> {
  if (transitions.length === 0) return;
  const values: unknown[] = [];
  const tuples = transitions.map((transition, index) => {
    const base = values.length;
    values.push(instanceId, afterSeq + index + 1, transition.event, transition.from, transition.to,
      transition.event === 'auto' ? null : actorId, transition.detail === undefined ? null : JSON.stringify(transition.detail));
    return `($${base + 1}, $${base + 2}, $${base + 3}, $${base + 4}, $${base + 5}, $${base + 6}, $${base + 7}, clock_timestamp())`;
  });
  await manager.query(
    `INSERT INTO transitions (instance_id, seq, event, from_node, to_node, actor_id, payload, at) VALUES ${tuples.join(', ')}`,
    values,
  );
}
