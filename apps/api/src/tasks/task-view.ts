import type { Priority, Task } from '@ticketflow/contract';
import { tallyGroups } from '@ticketflow/runtime';
import { groupsOf } from '../engine/approval-groups.js';
import type { TaskColumns } from '../engine/instance-loader.js';
import { visibleValues, type StoredFormEntry } from './step-form-check.js';
import { TASK_ATTACHMENTS_SQL } from '../attachments/attachment-view.js';

/** Columns for a task view: `k` tasks, `t` tickets, `a` assignee. */
export const TASK_COLUMNS = `k.id, k.ticket_id, k.node_id, k.kind, k.name, k.status, k.due_at, k.outcome, k.comment, k.outcomes, k.form,
  k.policy, k.candidate_role, k.created_at, k.completed_at, a.username AS assignee, t.title AS ticket_title, t.number AS ticket_number,
  t.priority, t.workflow_key, k.item,
  CASE WHEN k.policy->>'type' = 'groups' THEN (SELECT coalesce(json_agg(json_build_object('decision', av.decision, 'roles', vu.roles)), '[]'::json)
    FROM approval_votes av JOIN users vu ON vu.id = coalesce(av.on_behalf_of, av.user_id) WHERE av.task_id = k.id) END AS group_votes`;

/**
 * What an approver decides on, for the inbox and one task: the ticket's
 * fields, the requester (`r`, joined by the query) and the last comment made
 * before this step started — what the previous step said (internal ones
 * included: only staff read tasks). A note added while the step waits is on
 * the ticket page, not here. The step started with the first transition into
 * its node written in the task's transaction (transitions carry the clock,
 * tasks the transaction's start); a task with no such transition (migrated)
 * counts from its creation time.
 */
export const DECISION_COLUMNS = `, t.fields AS ticket_fields, r.username AS requester_username, r.display_name AS requester_name,
  (SELECT wv.version FROM instances i JOIN workflow_versions wv ON wv.id = i.version_id WHERE i.id = k.instance_id) AS workflow_version,
  (SELECT json_build_object('text', tr.payload->>'comment', 'visibility', coalesce(tr.payload->>'visibility', 'internal'), 'by', cu.username, 'at', tr.at, 'step', tr.from_node)
     FROM transitions tr LEFT JOIN users cu ON cu.id = tr.actor_id
    CROSS JOIN LATERAL (SELECT min(s.seq) AS seq FROM transitions s
                         WHERE s.instance_id = k.instance_id AND s.to_node = k.node_id AND s.at >= k.created_at) started
    WHERE tr.instance_id = k.instance_id AND tr.payload ? 'comment'
      AND (tr.seq <= started.seq OR (started.seq IS NULL AND tr.at < k.created_at))
    ORDER BY tr.seq DESC LIMIT 1) AS last_comment, ${TASK_ATTACHMENTS_SQL}`;

/** The requester join `DECISION_COLUMNS` needs. */
export const DECISION_JOIN = 'JOIN users r ON r.id = t.requester_id';

export interface DecisionRow {
  ticket_fields?: Record<string, unknown>;
  /** The version the ticket runs on (its labels and translations are the card's). */
  workflow_version?: number | string | null;
  requester_username?: string;
  requester_name?: string;
  last_comment?: {
    text: string;
    visibility: 'internal' | 'public';
    by: string | null;
    at: string;
    step: string | null;
  } | null;
  /** The ticket's files, newest first (issue 21). */
  attachments?: {
    id: string;
    name: string;
    contentType: string;
    size: number;
    visibility: 'internal' | 'public';
  }[];
}

/** A task as the inbox queries read it: the task's columns, its form and its ticket's title, number and priority. */
export interface TaskRow extends TaskColumns {
  form: StoredFormEntry[] | null;
  ticket_title: string;
  ticket_number: string;
  priority: string;
  workflow_key: string;
  /** Multi-instance steps: the list item this task works on. */
  item?: { index: number; of: number; value: unknown } | null;
  /** Composite approvals: each vote with the roles of the person it was cast for. */
  group_votes?: { decision: 'approved' | 'rejected'; roles: string[] }[] | null;
}

/** A composite approval's seats filled per group so far (the people's roles as they are now). Pure. */
function groupTallyOf(row: Pick<TaskRow, 'policy' | 'group_votes'>) {
  const groups = groupsOf(row.policy);
  if (!groups || !row.group_votes) return undefined;
  const votes = row.group_votes.map((vote, index) => ({
    actor: String(index),
    decision: vote.decision,
    roles: vote.roles,
  }));
  return tallyGroups(groups, votes).groups;
}

/** The API shape of a task (what the inbox shows). Pure. */
export function toTaskView(row: TaskRow & DecisionRow) {
  const form = row.form?.map((entry) => ({ ...entry, mode: entry.mode ?? 'edit' }));
  return {
    id: row.id,
    ticketId: row.ticket_id,
    ticketTitle: row.ticket_title,
    ticketNumber: Number(row.ticket_number),
    workflowKey: row.workflow_key,
    ...(row.workflow_version != null ? { workflowVersion: Number(row.workflow_version) } : {}),
    // The tickets table only holds the four priorities; the engine writes them.
    priority: row.priority as Priority,
    nodeId: row.node_id,
    kind: row.kind,
    name: row.name,
    status: row.status,
    ...(row.due_at ? { dueAt: row.due_at } : {}),
    ...(row.outcome ? { outcome: row.outcome } : {}),
    ...(row.comment ? { comment: row.comment } : {}),
    outcomes: row.outcomes,
    ...(form ? { form } : {}),
    ...(row.ticket_fields
      ? { fields: form ? visibleValues(form, row.ticket_fields) : row.ticket_fields }
      : {}),
    ...(row.requester_username
      ? {
          requester: {
            username: row.requester_username,
            displayName: row.requester_name ?? row.requester_username,
          },
        }
      : {}),
    ...(row.last_comment ? { lastComment: row.last_comment } : {}),
    ...(row.attachments ? { attachments: row.attachments } : {}),
    ...(row.policy ? { policy: row.policy as NonNullable<Task['policy']> } : {}),
    ...(row.item ? { item: row.item } : {}),
    ...(groupTallyOf(row) ? { groupTally: groupTallyOf(row) } : {}),
    ...(row.candidate_role ? { role: row.candidate_role } : {}),
    ...(row.assignee ? { assignee: row.assignee } : {}),
    createdAt: row.created_at,
    ...(row.completed_at ? { completedAt: row.completed_at } : {}),
  };
}

export type TaskView = ReturnType<typeof toTaskView>;

/** The task as an action leaves it, from the row read under the lock and what the step did. Pure. */
export function viewAfter(
  task: Omit<TaskRow, 'ticket_title' | 'ticket_number' | 'priority' | 'workflow_key'> & { task_key: string },
  step: {
    ticket: { title: string; number: number; priority: string; workflowKey: string };
    result?: { effects: readonly { type: string; taskKey?: string; status?: string; outcome?: string }[] };
  },
  change: { completedBy?: string | null; comment?: string | null; assignee?: string | null } = {},
): TaskView {
  const close = step.result ? closing(step.result.effects, task.task_key) : undefined;
  return toTaskView({
    ...task,
    ticket_title: step.ticket.title,
    ticket_number: String(step.ticket.number),
    priority: step.ticket.priority,
    workflow_key: step.ticket.workflowKey,
    ...(close
      ? {
          status: close.status as TaskRow['status'],
          outcome: task.outcome ?? close.outcome ?? null,
          completed_at: task.completed_at ?? new Date(),
        }
      : {}),
    ...(change.comment ? { comment: change.comment } : {}),
    ...(change.assignee !== undefined ? { assignee: change.assignee } : {}),
  });
}

/** Whether the step closed the task with key `taskKey`. Pure. */
export function closedBy(
  step: { result: { effects: readonly { type: string; taskKey?: string }[] } },
  taskKey: string,
): boolean {
  return closing(step.result.effects, taskKey) !== undefined;
}

function closing(
  effects: readonly { type: string; taskKey?: string; status?: string; outcome?: string }[],
  taskKey: string,
) {
  return effects.find((effect) => effect.type === 'task.close' && effect.taskKey === taskKey);
}
