import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { assertMaySetPriority } from './requester-priority.js';
import type { AuthUser } from '../auth/auth-user.js';
import { TransactionRunner } from '../common/context/transaction-runner.js';
import { conflict, forbidden, invalid, notFound, unprocessable } from '../common/errors/domain-error.js';
import { EngineService } from '../engine/engine.service.js';
import { actingIdentity, taskActionableSql } from '../tasks/acting-identity.js';
import { StepNotifications } from '../notifications/step-notifications.js';
import { assertKnownUsers } from './field-users.js';
import { SubflowLinks } from '../subflows/subflow-links.js';
import { assertFieldValues } from './field-values.js';
import {
  requesterTimeline,
  ticketComments,
  type TicketComment,
  type TransitionRecordRow,
} from './requester-timeline.js';
import type { CreateTicketDto, TicketListQuery } from './ticket.dto.js';
import { TICKET_COLUMNS, toTicketView, type TicketRow, type TicketView } from './ticket-view.js';
import type { Priority, Transition } from '@ticketflow/contract';

/** Tickets: creation starts an instance; reading is limited to those involved and admins. */
@Injectable()
export class TicketsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly engine: EngineService,
    private readonly notices: StepNotifications,
    private readonly links: SubflowLinks,
  ) {}

  /**
   * Creates the ticket and starts it on the latest published, non-deprecated
   * version: one statement finds the version, one writes the ticket, its
   * instance, transitions, tasks, timers, rule firings and audit row. The
   * answer is built from what was written.
   */
  async create(dto: CreateTicketDto, user: AuthUser): Promise<TicketView> {
    return this.tx.run(async (uow) => {
      const [version] = (await uow.manager.query(
        `SELECT id, version, (SELECT version FROM engine_config)::text AS config_version FROM workflow_versions
          WHERE key = $1 AND deprecated_at IS NULL ORDER BY version DESC LIMIT 1`,
        [dto.workflowKey],
      )) as { id: string; version: number; config_version: string }[];
      if (!version)
        throw unprocessable(
          'workflow-not-published',
          `Workflow "${dto.workflowKey}" has no published version to start tickets on.`,
        );
      const definition = await this.engine.definition(uow, version.id);
      assertFieldValues(definition.fields, dto.fields);
      await assertKnownUsers(uow.manager, definition.fields, dto.fields);
      assertMaySetPriority(definition, dto.priority, user);
      const started = await this.engine.start(
        uow,
        {
          ticket: {
            workflowKey: dto.workflowKey,
            title: dto.title.trim(),
            fields: dto.fields,
            priority: dto.priority ?? 'normal',
            channel: dto.channel ?? 'web',
            requesterId: user.id,
          },
          versionId: version.id,
          audit: (ticketId) => [
            {
              actorId: user.id,
              action: 'ticket.create',
              objectType: 'ticket',
              objectId: ticketId,
              details: {
                workflowKey: dto.workflowKey,
                version: version.version,
                channel: dto.channel ?? 'web',
                priority: dto.priority ?? 'normal',
              },
            },
          ],
        },
        version.config_version,
      );
      const now = new Date();
      const t = started.ticket;
      return {
        id: started.ticketId,
        number: started.number,
        title: t.title,
        fields: t.fields,
        priority: t.priority as Priority,
        channel: t.channel,
        status: t.status as TicketView['status'],
        ...(t.outcome ? { outcome: t.outcome } : {}),
        activeNodes: started.result.snapshot.activeNodes,
        workflow: { key: dto.workflowKey, version: version.version },
        requester: { id: user.id, username: user.username },
        createdAt: now,
        updatedAt: now,
        ...(t.closed ? { closedAt: now } : {}),
        tags: t.tags,
        ...(t.assigneeGroup ? { assigneeGroup: t.assigneeGroup } : {}),
      };
    });
  }

  /**
   * The ticket with its sub-flow links; its requester gets it without the internal routing (tags,
   * assignee group). A parent or child is linked with `visible` saying whether the reader may
   * open it: the usual rule decides for each ticket on its own.
   */
  async get(id: string, user: AuthUser): Promise<TicketView> {
    const row = await this.visibleTicket(id, user);
    const identity = await actingIdentity(this.dataSource.manager, user);
    const links = await this.links.of(this.dataSource.manager, id, {
      sql: visibilitySql('$2', '$3', '$4', '$5'),
      params: [identity.isAdmin, user.id, identity.userIds, identity.roles],
    });
    const view = { ...toTicketView(row), ...links };
    if (!isRequesterView(user, row)) return view;
    const { tags: _tags, assigneeGroup: _group, ...rest } = view;
    return { ...rest, tags: [] };
  }

  /**
   * Every transition in order. The requester (API-enforced, not only the page)
   * gets a requester-friendly timeline: step names and times and public
   * comments — no staff names, conditions, field changes or internal comments.
   */
  async transitions(id: string, user: AuthUser) {
    const ticket = await this.visibleTicket(id, user);
    const rows = await this.transitionRows(id);
    if (isRequesterView(user, ticket))
      return requesterTimeline(rows, ticket.requester_id, await this.nodeNames(ticket.instance_id));
    return rows.map(({ actorId: _actorId, ...row }) => ({
      ...row,
      actor: row.actor ?? undefined,
      // Written by the engine from the runtime's TransitionDetail.
      detail: (row.detail ?? undefined) as Transition['detail'],
    }));
  }

  /** The ticket's comments; the requester sees public ones (and their own) without staff names. */
  async comments(id: string, user: AuthUser): Promise<TicketComment[]> {
    const ticket = await this.visibleTicket(id, user);
    return ticketComments(await this.transitionRows(id), ticket.requester_id, isRequesterView(user, ticket));
  }

  /**
   * Adds a comment outside a decision: a timeline entry of its own, written by
   * the engine in one statement. The requester's comments are always public;
   * a public comment from staff notifies the requester.
   */
  async addComment(
    id: string,
    dto: { text: string; visibility?: 'internal' | 'public' },
    user: AuthUser,
  ): Promise<TicketComment> {
    const text = dto.text.trim();
    if (text === '') throw invalid('comment-required', 'text is required: write the comment.');
    return this.tx.run(async (uow) => {
      const row = await this.visibleTicket(id, user, uow.manager);
      const instance = await this.engine.lock(uow, { ticketId: id });
      const fromRequester = row.requester_id === user.id;
      const visibility = fromRequester ? 'public' : (dto.visibility ?? 'internal');
      const node = instance.snapshot.activeNodes[0] ?? null;
      await this.engine.touch(uow, instance, {
        tasksChanged: false,
        entries: [
          {
            event: 'comment',
            payload: { kind: 'comment', comment: text, visibility, ...(node ? { node } : {}) },
            actorId: user.id,
          },
        ],
        extend: (plan) => {
          if (!fromRequester && visibility === 'public') {
            this.notices.add(plan, id, {
              userIds: [row.requester_id],
              kind: 'ticket.comment',
              title: `New reply on #${row.number} ${row.title}`,
              body: text,
              dedupeKey: `comment:${instance.id}:${instance.seq + 1}`,
            });
          }
        },
        audit: [
          {
            actorId: user.id,
            action: 'ticket.comment',
            objectType: 'ticket',
            objectId: id,
            details: { visibility },
          },
        ],
      });
      return {
        seq: instance.seq + 1,
        at: new Date(),
        text,
        visibility,
        by: user.username,
        fromStaff: !fromRequester,
        step: node,
      };
    });
  }

  private async transitionRows(ticketId: string): Promise<TransitionRecordRow[]> {
    return (await this.dataSource.query(
      `SELECT tr.seq, tr.event, tr.from_node AS "from", tr.to_node AS "to", u.username AS actor, tr.actor_id AS "actorId", tr.payload AS detail, tr.at
         FROM transitions tr JOIN instances i ON i.id = tr.instance_id LEFT JOIN users u ON u.id = tr.actor_id
        WHERE i.ticket_id = $1 ORDER BY tr.seq`,
      [ticketId],
    )) as TransitionRecordRow[];
  }

  private async nodeNames(instanceId: string): Promise<Map<string, string>> {
    const [row] = (await this.dataSource.query(
      `SELECT v.definition FROM instances i JOIN workflow_versions v ON v.id = i.version_id WHERE i.id = $1`,
      [instanceId],
    )) as { definition: { nodes: { id: string; name?: string }[] } }[];
    return new Map((row?.definition.nodes ?? []).map((node) => [node.id, node.name ?? node.id]));
  }

  /** Cancels the instance from any state, closing its tasks and timers. Requester or admin. */
  async cancel(id: string, reason: string, user: AuthUser): Promise<TicketView> {
    return this.tx.run(async (uow) => {
      const instance = await this.engine.lock(uow, { ticketId: id });
      const isAdmin = user.roles.includes('admin');
      if (!isAdmin && instance.requesterId !== user.id) {
        await this.visibleTicket(id, user, uow.manager);
        throw forbidden('not-requester', 'Only the requester or an admin may cancel this ticket.');
      }
      if (instance.status !== 'active' && instance.status !== 'incident') {
        throw conflict('ticket-closed', `The ticket is already ${instance.status}.`);
      }
      await this.engine.apply(
        uow,
        instance,
        { type: 'cancel', actor: { id: user.id, isRequester: instance.requesterId === user.id }, reason },
        user.id,
        {
          audit: [
            {
              actorId: user.id,
              action: 'ticket.cancel',
              objectType: 'ticket',
              objectId: id,
              details: { reason },
            },
          ],
        },
      );
      return this.readView(uow.manager, id);
    });
  }

  /** Tickets the user may see, newest first, filtered. */
  async list(user: AuthUser, query: TicketListQuery): Promise<TicketView[]> {
    const identity = await actingIdentity(this.dataSource.manager, user);
    const rows = (await this.dataSource.query(
      `SELECT ${TICKET_COLUMNS} FROM tickets t
         JOIN instances i ON i.ticket_id = t.id JOIN workflow_versions v ON v.id = i.version_id JOIN users r ON r.id = t.requester_id
        WHERE ($1 OR t.requester_id = $2 OR EXISTS (SELECT 1 FROM tasks k WHERE k.ticket_id = t.id AND (${taskActionableSql('$3', '$4')} OR k.completed_by = $2)))
          AND ($5::text IS NULL OR t.workflow_key = $5) AND ($6::text IS NULL OR t.status = $6)
          AND ($7::text IS NULL OR t.title ILIKE '%' || $7 || '%' OR t.number::text = $7)
        ORDER BY t.created_at DESC LIMIT 200`,
      [
        identity.isAdmin,
        user.id,
        identity.userIds,
        identity.roles,
        query.workflowKey ?? null,
        query.status ?? null,
        query.q ?? null,
      ],
    )) as TicketRow[];
    return rows.map((row) =>
      isRequesterView(user, row)
        ? { ...toTicketView({ ...row, tags: [], assignee_group: null }) }
        : toTicketView(row),
    );
  }

  /** The ticket as seen inside a transaction (no visibility check: the caller just acted on it). */
  private async readView(manager: EntityManager, id: string): Promise<TicketView> {
    const [row] = (await manager.query(
      `SELECT ${TICKET_COLUMNS} FROM tickets t
         JOIN instances i ON i.ticket_id = t.id JOIN workflow_versions v ON v.id = i.version_id JOIN users r ON r.id = t.requester_id
        WHERE t.id = $1`,
      [id],
    )) as TicketRow[];
    if (!row) throw notFound('Ticket', id);
    return toTicketView(row);
  }

  /** The ticket if `user` may see it; 404 otherwise (no hint that it exists). */
  async visibleTicket(
    id: string,
    user: AuthUser,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<TicketRow> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound('Ticket', id);
    const identity = await actingIdentity(manager, user);
    const [row] = (await manager.query(
      `SELECT ${TICKET_COLUMNS} FROM tickets t
         JOIN instances i ON i.ticket_id = t.id JOIN workflow_versions v ON v.id = i.version_id JOIN users r ON r.id = t.requester_id
        WHERE t.id = $1 AND ${visibilitySql('$2', '$3', '$4', '$5')}`,
      [id, identity.isAdmin, user.id, identity.userIds, identity.roles],
    )) as TicketRow[];
    if (!row) throw notFound('Ticket', id);
    return row;
  }
}

/**
 * Who may read ticket `t`: admins, its requester, and whoever may act on, completed or voted on one
 * of its tasks. Placeholders: is-admin, user id, acting ids (delegations), acting roles. Pure.
 */
function visibilitySql(admin: string, userId: string, ids: string, roles: string): string {
  return `(${admin}::boolean OR t.requester_id = ${userId}::uuid OR EXISTS (
          SELECT 1 FROM tasks k WHERE k.ticket_id = t.id AND (${taskActionableSql(ids, roles)} OR k.completed_by = ${userId}::uuid
            OR EXISTS (SELECT 1 FROM approval_votes av WHERE av.task_id = k.id AND av.user_id = ${userId}::uuid))))`;
}

/** Whether `user` reads the ticket as its requester (admins always get the full view). Pure. */
export function isRequesterView(user: AuthUser, ticket: { requester_id: string }): boolean {
  return ticket.requester_id === user.id && !user.roles.includes('admin');
}
