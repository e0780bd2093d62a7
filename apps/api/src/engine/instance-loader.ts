import type { EntityManager } from 'typeorm';
import type { WorkflowDefinition } from '@ticketflow/definition';
import type { InstanceSnapshot } from '@ticketflow/runtime';
import { notFound } from '../common/errors/domain-error.js';
import type { StepTicket } from './step-observers.js';

/** What a task action needs about its task, read in the same statement as the instance. */
/** The columns of a `tasks` row as read by both the engine's load statement and the inbox (`tasks/task-view.ts`). */
export interface TaskColumns {
  id: string;
  ticket_id: string;
  node_id: string;
  kind: 'task' | 'approval';
  name: string;
  status: 'open' | 'completed' | 'cancelled';
  due_at: Date | null;
  outcome: string | null;
  comment: string | null;
  outcomes: string[];
  policy: unknown;
  candidate_role: string | null;
  assignee: string | null;
  created_at: Date;
  completed_at: Date | null;
}

/** A task as the event's load statement reads it, with what deciding it needs. */
export interface LoadedTask extends TaskColumns {
  task_key: string;
  form: { field: string; required?: boolean }[] | null;
  candidate_users: string[];
  assignee_id: string | null;
  allow_requester: boolean;
  completed_by: string | null;
  /** People who delegated to the acting user right now, with their roles. */
  delegators: { id: string; roles: string[] }[];
  /** Active users who may decide the approval (the requester excluded unless allowed). */
  eligible_count: number;
  /** Whether the acting user already voted on it. */
  voted: boolean;
}

/** An instance row locked for update, with its ticket and what stepping it needs. */
export interface LoadedInstance {
  id: string;
  ticketId: string;
  versionId: string;
  seq: number;
  status: string;
  snapshot: InstanceSnapshot;
  fields: Record<string, unknown>;
  requesterId: string;
  workflowKey: string;
  version: number;
  ticket: StepTicket;
  /** The version's definition (from the compile cache; set by the engine's `load`). */
  definition: WorkflowDefinition;
  /** `engine_config.version` as of this event. */
  configVersion: string;
  /** The last row of the ticket's audit chain (null: none yet). */
  auditHead: { hash: string; at: Date } | null;
  /** Columns observers asked for, by alias. */
  loaded: Record<string, unknown>;
  task?: LoadedTask;
  /** Set on a sub-flow's child: where its end is handed back to. */
  parent: { instanceId: string; subflowKey: string } | null;
}

export type LoadTarget =
  { instanceId: string } | { ticketId: string } | { taskId: string; actingUserId: string };

const TASK_COLUMNS = `, row_to_json(k) AS task, a.username AS task_assignee,
  (SELECT coalesce(json_agg(json_build_object('id', u.id, 'roles', u.roles)), '[]'::json) FROM delegations d JOIN users u ON u.id = d.from_user_id
    WHERE d.to_user_id = $2 AND d.starts_at <= now() AND (d.ends_at IS NULL OR d.ends_at > now()) AND u.active) AS task_delegators,
  CASE WHEN k.kind = 'approval' THEN (SELECT count(*)::int FROM users u WHERE u.active AND (k.allow_requester OR u.id <> t.requester_id)
    AND ((k.candidate_role IS NOT NULL AND k.candidate_role = ANY(u.roles)) OR u.id = ANY(k.candidate_users))) END AS task_eligible,
  EXISTS (SELECT 1 FROM approval_votes av WHERE av.task_id = k.id AND av.user_id = $2) AS task_voted`;

/**
 * Loads instances with their tickets and locks both rows until the
 * transaction ends, in one statement — for a task action also the task
 * (locked too, so a decision made while we waited is seen), the acting
 * user's delegators, the eligible approver count and whether they voted.
 * Rows are locked in instance id order (instance, ticket, task), the order
 * every writer uses, so batches cannot deadlock. Side effect: row locks.
 */
export async function loadInstances(
  manager: EntityManager,
  target: LoadTarget | { instanceIds: string[] },
  observerColumns: string,
): Promise<LoadedInstance[]> {
  const byTask = 'taskId' in target;
  const where =
    'instanceIds' in target
      ? 'i.id = ANY($1::uuid[])'
      : 'ticketId' in target
        ? 'i.ticket_id = $1'
        : byTask
          ? 'i.id = (SELECT instance_id FROM tasks WHERE id = $1) AND k.id = $1'
          : 'i.id = $1';
  const params =
    'instanceIds' in target
      ? [target.instanceIds]
      : 'ticketId' in target
        ? [target.ticketId]
        : byTask
          ? [target.taskId, target.actingUserId]
          : [target.instanceId];
  const rows = (await manager.query(
    `SELECT i.id, i.ticket_id, i.version_id, i.seq, i.status, i.snapshot, v.key, v.version, i.parent_instance_id, i.parent_subflow_key,
            t.number, t.title, t.workflow_key, t.fields, t.priority, t.channel, t.tags, t.assignee_group, t.requester_id, t.status AS ticket_status,
            (SELECT version FROM engine_config)::text AS config_version,
            (SELECT row_to_json(x) FROM (SELECT hash, at FROM audit_log WHERE chain = t.id::text ORDER BY id DESC LIMIT 1) x) AS audit_head
            ${byTask ? TASK_COLUMNS : ''}${observerColumns}
       FROM instances i JOIN tickets t ON t.id = i.ticket_id JOIN workflow_versions v ON v.id = i.version_id
            ${byTask ? 'JOIN tasks k ON k.instance_id = i.id LEFT JOIN users a ON a.id = k.assignee_id' : ''}
      WHERE ${where}
      ORDER BY i.id
      FOR UPDATE OF i, t${byTask ? ', k' : ''}`,
    params,
  )) as Record<string, unknown>[];
  if (rows.length === 0 && !('instanceIds' in target)) {
    throw notFound(
      'ticketId' in target ? 'Ticket' : byTask ? 'Task' : 'Instance',
      'ticketId' in target ? target.ticketId : byTask ? target.taskId : target.instanceId,
    );
  }
  return rows.map(toLoaded);
}

const BASE_COLUMNS = new Set([
  'id',
  'ticket_id',
  'version_id',
  'seq',
  'status',
  'snapshot',
  'key',
  'version',
  'number',
  'title',
  'workflow_key',
  'fields',
  'priority',
  'channel',
  'tags',
  'assignee_group',
  'requester_id',
  'ticket_status',
  'config_version',
  'audit_head',
  'task',
  'task_assignee',
  'task_delegators',
  'task_eligible',
  'task_voted',
  'parent_instance_id',
  'parent_subflow_key',
]);

function toLoaded(row: Record<string, unknown>): LoadedInstance {
  const loaded: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(row)) if (!BASE_COLUMNS.has(name)) loaded[name] = value;
  const ticket: StepTicket = {
    id: row.ticket_id as string,
    number: Number(row.number),
    title: row.title as string,
    workflowKey: row.workflow_key as string,
    fields: row.fields as Record<string, unknown>,
    priority: row.priority as string,
    channel: row.channel as string,
    tags: (row.tags as string[] | null) ?? [],
    assigneeGroup: (row.assignee_group as string | null) ?? null,
    requesterId: row.requester_id as string,
    status: row.ticket_status as string,
  };
  return {
    id: row.id as string,
    ticketId: ticket.id,
    versionId: row.version_id as string,
    seq: row.seq as number,
    status: row.status as string,
    snapshot: row.snapshot as InstanceSnapshot,
    fields: ticket.fields,
    requesterId: ticket.requesterId,
    workflowKey: row.key as string,
    version: row.version as number,
    ticket,
    definition: undefined as unknown as WorkflowDefinition,
    configVersion: row.config_version as string,
    auditHead: row.audit_head
      ? {
          hash: (row.audit_head as { hash: string }).hash,
          at: new Date((row.audit_head as { at: string }).at),
        }
      : null,
    loaded,
    parent: row.parent_instance_id
      ? { instanceId: row.parent_instance_id as string, subflowKey: row.parent_subflow_key as string }
      : null,
    ...(row.task ? { task: toTask(row) } : {}),
  };
}

function toTask(row: Record<string, unknown>): LoadedTask {
  const task = row.task as Record<string, unknown>;
  const date = (value: unknown) => (value === null || value === undefined ? null : new Date(value as string));
  return {
    ...(task as unknown as LoadedTask),
    due_at: date(task.due_at),
    created_at: date(task.created_at) as Date,
    completed_at: date(task.completed_at),
    assignee: (row.task_assignee as string | null) ?? null,
    delegators: row.task_delegators as LoadedTask['delegators'],
    eligible_count: Math.max(1, (row.task_eligible as number | null) ?? 1),
    voted: row.task_voted as boolean,
  };
}
