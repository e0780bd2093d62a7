import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { TransactionRunner, type UnitOfWork } from '../common/context/transaction-runner.js';
import { conflict, forbidden, invalid, notFound, unprocessable } from '../common/errors/domain-error.js';
import { EngineService } from '../engine/engine.service.js';
import type { LoadedInstance, LoadedTask } from '../engine/engine.service.js';
import {
  actingIdentity,
  eligibility,
  identityOf,
  taskActionableSql,
  type TaskCandidates,
} from './acting-identity.js';
import { assertKnownUsers } from '../tickets/field-users.js';
import { checkStepFields, storedForm, type StoredFormEntry } from './step-form-check.js';
import { assertAttachmentRule } from '../attachments/attachment-rule-check.js';
import { groupHeadcounts, groupsOf } from '../engine/approval-groups.js';
import type { CompleteDto, DecideDto, InboxQuery } from './task.dto.js';
import {
  DECISION_COLUMNS,
  DECISION_JOIN,
  TASK_COLUMNS,
  toTaskView,
  viewAfter,
  closedBy,
  type TaskRow,
  type TaskView,
} from './task-view.js';

type FullTaskRow = TaskRow & TaskCandidates & { task_key: string; instance_id: string };

/** The inbox and every action on a task; each action checks the caller against that task. */
@Injectable()
export class TasksService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly engine: EngineService,
  ) {}

  /**
   * Open tasks the user (or someone who delegated to them) may act on now,
   * soonest due first. One statement: the caller's delegators are read in
   * the same query.
   */
  async inbox(user: AuthUser, query: InboxQuery = {}): Promise<TaskView[]> {
    const rows = (await this.dataSource.query(
      `WITH people AS (
         SELECT $1::uuid AS id, $2::text[] AS roles
         UNION ALL
         -- a delegator's roles count only where the delegate holds them too (as identityOf)
         SELECT u.id, ARRAY(SELECT r FROM unnest(u.roles) AS r WHERE r = ANY($2::text[])) FROM delegations d JOIN users u ON u.id = d.from_user_id
          WHERE d.to_user_id = $1 AND d.starts_at <= now() AND (d.ends_at IS NULL OR d.ends_at > now()) AND u.active),
       me AS (SELECT array_agg(id) AS ids, (SELECT coalesce(array_agg(DISTINCT r), '{}') FROM people, unnest(people.roles) AS r) AS roles FROM people)
       SELECT ${TASK_COLUMNS}${DECISION_COLUMNS} FROM me, tasks k JOIN tickets t ON t.id = k.ticket_id LEFT JOIN users a ON a.id = k.assignee_id ${DECISION_JOIN}
        WHERE k.status = 'open' AND ${taskActionableSql('me.ids', 'me.roles')}
          AND NOT EXISTS (SELECT 1 FROM approval_votes av WHERE av.task_id = k.id AND av.user_id = $1)
          AND (k.allow_requester OR t.requester_id <> $1)
          AND ($3::text IS NULL OR t.workflow_key = $3) AND ($4::text IS NULL OR k.kind = $4) AND ($5::text IS NULL OR t.priority = $5)
        ORDER BY k.due_at ASC NULLS LAST, k.created_at ASC LIMIT 500`,
      [user.id, user.roles, query.workflowKey ?? null, query.kind ?? null, query.priority ?? null],
    )) as TaskRow[];
    return rows.map(toTaskView);
  }

  async get(taskId: string, user: AuthUser): Promise<TaskView> {
    const task = await this.findTask(this.dataSource.manager, taskId);
    const identity = await actingIdentity(this.dataSource.manager, user);
    const involved = identity.isAdmin || eligibility(task, identity, '').ok || task.completed_by === user.id;
    if (!involved) throw notFound('Task', taskId);
    return toTaskView(task);
  }

  approve(taskId: string, dto: DecideDto = {}, user: AuthUser) {
    return this.decide(taskId, 'approved', dto, user);
  }

  reject(taskId: string, dto: DecideDto & { comment: string }, user: AuthUser) {
    if (dto.comment.trim() === '')
      throw invalid('comment-required', 'comment is required when rejecting: say why.');
    return this.decide(taskId, 'rejected', dto, user);
  }

  /** Completes a human task with one of its outcomes and any field values it asks for. */
  complete(taskId: string, dto: CompleteDto, user: AuthUser): Promise<TaskView> {
    return this.act(taskId, user, 'task', async (uow, instance, task, onBehalfOf) => {
      const outcome = dto.outcome ?? task.outcomes[0] ?? 'completed';
      if (!task.outcomes.includes(outcome)) {
        throw invalid(
          'invalid-outcome',
          `outcome "${outcome}" is not one of this step's outcomes: ${task.outcomes.join(', ')}.`,
        );
      }
      const fields = dto.fields ?? {};
      await this.checkFields(uow.manager, task, instance, fields, true);
      await assertAttachmentRule(uow.manager, instance.definition, task);
      const comment = dto.comment ?? null;
      const stepped = await this.engine.apply(
        uow,
        instance,
        {
          type: 'task.complete',
          taskKey: task.task_key,
          outcome,
          fields,
          comment: dto.comment,
          ...(dto.comment ? { visibility: dto.visibility ?? 'internal' } : {}),
          actor: { id: user.id, isRequester: user.id === instance.requesterId },
        },
        user.id,
        {
          extend: (plan) => plan.changeTask(instance.id, task.task_key, { completedBy: user.id, comment }),
          audit: [
            {
              actorId: user.id,
              action: 'task.complete',
              objectType: 'task',
              objectId: task.id,
              details: { outcome, onBehalfOf },
            },
          ],
        },
      );
      return viewAfter(task, stepped, { completedBy: user.id, comment });
    });
  }

  /** Takes a role task for oneself so colleagues see it is being handled. */
  claim(taskId: string, user: AuthUser): Promise<TaskView> {
    return this.act(taskId, user, 'task', async (uow, instance, task) => {
      if (task.assignee_id !== null)
        throw conflict('task-already-claimed', 'Someone already has this task; ask them to release it.');
      await this.engine.touch(uow, instance, {
        extend: (plan) => plan.changeTask(instance.id, task.task_key, { assigneeId: user.id }),
      });
      return viewAfter(task, { ticket: instance.ticket }, { assignee: user.username });
    });
  }

  /** Gives a claimed task back to its role. */
  release(taskId: string, user: AuthUser): Promise<TaskView> {
    return this.act(taskId, user, 'task', async (uow, instance, task) => {
      if (task.assignee_id !== user.id)
        throw conflict('task-not-claimed', 'Only the person who has the task can release it.');
      if (task.candidate_role === null)
        throw unprocessable(
          'task-not-releasable',
          'This task was assigned to a person, not a role; delegate it instead.',
        );
      await this.engine.touch(uow, instance, {
        extend: (plan) => plan.changeTask(instance.id, task.task_key, { assigneeId: null }),
      });
      return viewAfter(task, { ticket: instance.ticket }, { assignee: null });
    });
  }

  /** Hands a task to another user (who must belong to its role, if it has one). */
  delegate(taskId: string, toUsername: string, user: AuthUser): Promise<TaskView> {
    return this.act(taskId, user, 'task', async (uow, instance, task) => {
      const [target] = (await uow.manager.query(
        'SELECT id, roles FROM users WHERE username = $1 AND active',
        [toUsername],
      )) as { id: string; roles: string[] }[];
      if (!target) throw invalid('unknown-user', `toUser "${toUsername}" is not an active user.`);
      if (task.candidate_role !== null && !target.roles.includes(task.candidate_role)) {
        throw unprocessable(
          'delegate-not-eligible',
          `${toUsername} is not in the role "${task.candidate_role}" this task belongs to.`,
        );
      }
      if (target.id === instance.requesterId && !task.allow_requester)
        throw forbidden(
          'separation-of-duties',
          'The requester may not handle this step of their own ticket.',
        );
      await this.engine.touch(uow, instance, {
        extend: (plan) => plan.changeTask(instance.id, task.task_key, { assigneeId: target.id }),
        audit: [
          {
            actorId: user.id,
            action: 'task.delegate',
            objectType: 'task',
            objectId: task.id,
            details: { to: toUsername },
          },
        ],
      });
      return viewAfter(task, { ticket: instance.ticket }, { assignee: toUsername });
    });
  }

  private decide(
    taskId: string,
    decision: 'approved' | 'rejected',
    dto: DecideDto,
    user: AuthUser,
  ): Promise<TaskView> {
    const { comment } = dto;
    return this.act(taskId, user, 'approval', async (uow, instance, task, onBehalfOf) => {
      if (task.voted)
        throw conflict('already-decided', 'You have already decided this approval.', {
          task: viewAfter(task, { ticket: instance.ticket }),
        });
      const fields = dto.fields ?? {};
      await this.checkFields(uow.manager, task, instance, fields, decision === 'approved');
      if (decision === 'approved') await assertAttachmentRule(uow.manager, instance.definition, task);
      let completedBy: string | null = null;
      // A composite policy counts the person decided for (a delegator when acting on their behalf) by their roles.
      const groups = groupsOf(task.policy);
      const decider = onBehalfOf ? task.delegators.find((person) => person.id === onBehalfOf) : user;
      const composite = groups
        ? {
            actorRoles: decider?.roles ?? [],
            eligibleByRole: await groupHeadcounts(uow.manager, groups, task, instance.requesterId),
          }
        : {};
      const stepped = await this.engine.apply(
        uow,
        instance,
        {
          type: 'approval.decide',
          taskKey: task.task_key,
          decision,
          comment,
          eligibleCount: task.eligible_count,
          ...composite,
          ...(comment ? { visibility: dto.visibility ?? 'internal' } : {}),
          ...(Object.keys(fields).length > 0 ? { fields } : {}),
          actor: { id: user.id, isRequester: user.id === instance.requesterId },
        },
        user.id,
        {
          extend: (plan) =>
            plan.addVote({
              taskId: task.id,
              userId: user.id,
              decision,
              comment: comment ?? null,
              onBehalfOf,
            }),
          finish: (plan, outcome) => {
            // Who completed the step: the person whose vote closed it.
            completedBy = closedBy(outcome, task.task_key) ? user.id : null;
            plan.changeTask(instance.id, task.task_key, { completedBy, comment: comment ?? null });
          },
          audit: [
            {
              actorId: user.id,
              action: `task.${decision === 'approved' ? 'approve' : 'reject'}`,
              objectType: 'task',
              objectId: task.id,
              details: { comment, onBehalfOf },
            },
          ],
        },
      );
      return viewAfter(task, stepped, { completedBy, comment: comment ?? null });
    });
  }

  /**
   * The shared frame of every task action: ONE statement locks the ticket's
   * instance and the task and reads the caller's delegations, the eligible
   * approver count and whether they voted; then the caller's right to act,
   * the task's kind and state are checked, and the action writes its step in
   * one more statement. The answer is built from what was written.
   */
  private async act(
    taskId: string,
    user: AuthUser,
    kind: 'task' | 'approval',
    action: (
      uow: UnitOfWork,
      instance: LoadedInstance,
      task: LoadedTask,
      onBehalfOf: string | null,
    ) => Promise<TaskView>,
  ): Promise<TaskView> {
    if (!/^[0-9a-f-]{36}$/i.test(taskId)) throw notFound('Task', taskId);
    return this.tx.run(async (uow) => {
      const instance = await this.engine.load(uow, { taskId, actingUserId: user.id });
      const task = instance.task as LoadedTask;
      const identity = identityOf(user, task.delegators);
      const allowed = eligibility(task, identity, instance.requesterId);
      if (!allowed.ok) {
        if (allowed.reason === 'separation-of-duties')
          throw forbidden(
            'separation-of-duties',
            'The requester may not approve or act on this step of their own ticket.',
          );
        throw forbidden(
          'not-eligible',
          `You may not act on "${task.name}": it belongs to ${task.candidate_role ? `the role "${task.candidate_role}"` : 'other people'}.`,
        );
      }
      if (task.kind !== kind)
        throw unprocessable(
          'wrong-task-kind',
          `"${task.name}" is ${task.kind === 'approval' ? 'an approval: approve or reject it' : 'a task: complete it'}.`,
        );
      if (task.status !== 'open') {
        throw conflict(
          'task-already-decided',
          `"${task.name}" is already ${task.status}${task.outcome ? ` (${task.outcome})` : ''}.`,
          { task: viewAfter(task, { ticket: instance.ticket }) },
        );
      }
      return action(uow, instance, task, allowed.onBehalfOf);
    });
  }

  private async findTask(
    manager: EntityManager,
    taskId: string,
  ): Promise<FullTaskRow & { completed_by: string | null }> {
    if (!/^[0-9a-f-]{36}$/i.test(taskId)) throw notFound('Task', taskId);
    const [row] = (await manager.query(
      `SELECT ${TASK_COLUMNS}${DECISION_COLUMNS}, k.task_key, k.instance_id, k.assignee_id, k.candidate_users, k.allow_requester, k.completed_by
         FROM tasks k JOIN tickets t ON t.id = k.ticket_id LEFT JOIN users a ON a.id = k.assignee_id ${DECISION_JOIN} WHERE k.id = $1`,
      [taskId],
    )) as (FullTaskRow & { completed_by: string | null })[];
    if (!row) throw notFound('Task', taskId);
    return row;
  }

  /** The step's form decides which fields may change; nothing is written when it refuses (400 naming the field). */
  private async checkFields(
    manager: EntityManager,
    task: LoadedTask,
    instance: LoadedInstance,
    fields: Record<string, unknown>,
    requireFilled: boolean,
  ): Promise<void> {
    const definitions = instance.definition.fields;
    checkStepFields(
      storedForm(task.form as StoredFormEntry[] | null, definitions),
      definitions,
      fields,
      instance.fields,
      { requireFilled },
    );
    await assertKnownUsers(manager, definitions, fields);
  }
}
