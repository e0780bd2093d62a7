import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { assertMaySetPriority } from './requester-priority.js';
import { AutomationService } from '../automation/automation.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { TransactionRunner } from '../common/context/transaction-runner.js';
import { conflict, forbidden, notFound, unprocessable } from '../common/errors/domain-error.js';
import { EngineService } from '../engine/engine.service.js';
import { actingIdentity, taskActionableSql } from '../tasks/acting-identity.js';
import { WorkflowsService } from '../workflows/workflows.service.js';
import { assertFieldValues } from './field-values.js';
import type { CreateTicketDto, TicketListQuery } from './ticket.dto.js';
import { TICKET_COLUMNS, toTicketView, type TicketRow, type TicketView } from './ticket-view.js';

/** Tickets: creation starts an instance; reading is limited to those involved and admins. */
@Injectable()
export class TicketsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly engine: EngineService,
    private readonly workflows: WorkflowsService,
    private readonly audit: AuditService,
    private readonly automation: AutomationService,
  ) {}

  /** Creates the ticket and starts it on the latest published, non-deprecated version. */
  async create(dto: CreateTicketDto, user: AuthUser): Promise<TicketView> {
    return this.tx.run(async (uow) => {
      const version = await this.workflows.startableVersion(uow.manager, dto.workflowKey);
      if (!version) throw unprocessable('workflow-not-published', `Workflow "${dto.workflowKey}" has no published version to start tickets on.`);
      assertFieldValues(version.definition.fields, dto.fields);
      assertMaySetPriority(version.definition, dto.priority, user);
      const [row] = (await uow.manager.query(
        `INSERT INTO tickets (workflow_key, title, fields, priority, channel, requester_id) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [dto.workflowKey, dto.title.trim(), JSON.stringify(dto.fields), dto.priority ?? 'normal', dto.channel ?? 'web', user.id],
      )) as { id: string }[];
      const id = (row as { id: string }).id;
      await this.engine.startInstance(uow, { id, fields: dto.fields, requesterId: user.id }, version);
      // Automation rules on creation (priority, tags, assignee group, ...), in this transaction.
      await this.automation.onTicketCreated(uow, id);
      const view = await this.readView(uow.manager, id);
      // Last, so the audit chain's lock is held only for this insert and the commit.
      await this.audit.append(uow.manager, { actorId: user.id, action: 'ticket.create', objectType: 'ticket', objectId: id, details: { workflowKey: dto.workflowKey, version: version.version, channel: dto.channel ?? 'web', priority: view.priority } });
      return view;
    });
  }

  async get(id: string, user: AuthUser): Promise<TicketView> {
    const row = await this.visibleTicket(id, user);
    return toTicketView(row);
  }

  async transitions(id: string, user: AuthUser) {
    await this.visibleTicket(id, user);
    const rows = (await this.dataSource.query(
      `SELECT tr.seq, tr.event, tr.from_node AS "from", tr.to_node AS "to", u.username AS actor, tr.payload AS detail, tr.at
         FROM transitions tr JOIN instances i ON i.id = tr.instance_id LEFT JOIN users u ON u.id = tr.actor_id
        WHERE i.ticket_id = $1 ORDER BY tr.seq`,
      [id],
    )) as { actor: string | null; detail: unknown }[];
    return rows.map((row) => ({ ...row, actor: row.actor ?? undefined, detail: row.detail ?? undefined }));
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
      await this.engine.apply(uow, instance, { type: 'cancel', actor: { id: user.id, isRequester: instance.requesterId === user.id }, reason }, user.id);
      const view = await this.readView(uow.manager, id);
      // Last, so the audit chain's lock is held only for this insert and the commit.
      await this.audit.append(uow.manager, { actorId: user.id, action: 'ticket.cancel', objectType: 'ticket', objectId: id, details: { reason } });
      return view;
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
      [identity.isAdmin, user.id, identity.userIds, identity.roles, query.workflowKey ?? null, query.status ?? null, query.q ?? null],
    )) as TicketRow[];
    return rows.map(toTicketView);
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
  private async visibleTicket(id: string, user: AuthUser, manager: EntityManager = this.dataSource.manager): Promise<TicketRow> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound('Ticket', id);
    const identity = await actingIdentity(manager, user);
    const [row] = (await manager.query(
      `SELECT ${TICKET_COLUMNS} FROM tickets t
         JOIN instances i ON i.ticket_id = t.id JOIN workflow_versions v ON v.id = i.version_id JOIN users r ON r.id = t.requester_id
        WHERE t.id = $1 AND ($2 OR t.requester_id = $3 OR EXISTS (
          SELECT 1 FROM tasks k WHERE k.ticket_id = t.id AND (${taskActionableSql('$4', '$5')} OR k.completed_by = $3
            OR EXISTS (SELECT 1 FROM approval_votes av WHERE av.task_id = k.id AND av.user_id = $3))))`,
      [id, identity.isAdmin, user.id, identity.userIds, identity.roles],
    )) as TicketRow[];
    if (!row) throw notFound('Ticket', id);
    return row;
  }
}
