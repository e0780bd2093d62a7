import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { TransactionRunner } from '../common/context/transaction-runner.js';
import { conflict, invalid, notFound } from '../common/errors/domain-error.js';
import { EngineService } from '../engine/engine.service.js';
import { actingIdentity, taskActionableSql } from '../tasks/acting-identity.js';
import { assertKnownUsers } from '../tickets/field-users.js';
import { assertFieldValues } from '../tickets/field-values.js';
import { WebhookGate } from '../webhooks/webhook-gate.js';
import { TICKET_COLUMNS, toTicketView, type TicketRow, type TicketView } from '../tickets/ticket-view.js';

const MESSAGE_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

/** Who sent an inbound event: a signed-in user, or another system that signed the body. */
export type EventSender = { kind: 'user'; user: AuthUser } | { kind: 'signed'; webhookId: string };

/**
 * Delivers an external event (`POST /api/tickets/:id/events/:message`) to
 * the `wait` nodes awaiting it, in one transaction with the instance locked:
 * the payload's fields are checked against the workflow's field types and
 * merged; 409 when nothing waits for that message.
 */
@Injectable()
export class InboundEventsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly engine: EngineService,
    private readonly gate: WebhookGate,
  ) {}

  /**
   * Side effects: the step's rows (transitions, fields, tasks, timers…), the
   * signed delivery's id (used once), and whatever `audit` writes — all in
   * the step's transaction.
   */
  async deliver(
    ticketId: string,
    message: string,
    fields: Record<string, unknown>,
    sender: EventSender,
    audit?: (manager: EntityManager) => Promise<void>,
  ): Promise<TicketView> {
    if (!MESSAGE_NAME.test(message))
      throw invalid(
        'invalid-message-name',
        `"${message.slice(0, 80)}" is not a message name (letters, digits, dot, dash, underscore; at most 64).`,
      );
    return this.tx.run(async (uow) => {
      const { manager } = uow;
      const instance = await this.engine.lock(uow, { ticketId });
      if (sender.kind === 'user') {
        const identity = await actingIdentity(manager, sender.user);
        const [involved] = (await manager.query(
          `SELECT 1 FROM tickets t WHERE t.id = $1 AND ($2 OR t.requester_id = $3 OR EXISTS (
             SELECT 1 FROM tasks k WHERE k.ticket_id = t.id AND (${taskActionableSql('$4', '$5')} OR k.completed_by = $3)))`,
          [ticketId, identity.isAdmin, sender.user.id, identity.userIds, identity.roles],
        )) as unknown[];
        if (!involved) throw notFound('Ticket', ticketId);
      }
      if (sender.kind === 'signed')
        await this.gate.claim(manager, sender.webhookId, `tickets/${ticketId}/events/${message}`);
      assertFieldValues(instance.definition.fields, fields, { partial: true });
      await assertKnownUsers(manager, instance.definition.fields, fields);
      if (instance.status !== 'active')
        throw conflict('ticket-not-active', `The ticket is ${instance.status}; it waits for no events.`);
      await this.engine.apply(
        uow,
        instance,
        { type: 'message.receive', message, payload: fields },
        sender.kind === 'user' ? sender.user.id : null,
      );
      const [row] = (await manager.query(
        `SELECT ${TICKET_COLUMNS} FROM tickets t JOIN instances i ON i.ticket_id = t.id JOIN workflow_versions v ON v.id = i.version_id
           JOIN users r ON r.id = t.requester_id WHERE t.id = $1`,
        [ticketId],
      )) as TicketRow[];
      await audit?.(manager);
      return toTicketView(row as TicketRow);
    });
  }
}
