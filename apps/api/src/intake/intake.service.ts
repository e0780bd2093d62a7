import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { activeUsersWhere, type AuthUser } from '../auth/auth-user.js';
import { DomainError, invalid, notFound, unprocessable } from '../common/errors/domain-error.js';
import { AutomationService } from '../automation/automation.service.js';
import type { CreateTicketDto } from '../tickets/ticket.dto.js';
import { TicketsService } from '../tickets/tickets.service.js';
import { WorkflowsService } from '../workflows/workflows.service.js';
import { IntakeChannelsService, type ChannelRow } from './intake-channels.service.js';
import { isIntakeChannel } from './intake-channels.js';
import type { RawIntakeBody } from './intake-raw-body.js';
import { badTextError, findBadText } from '../common/http/text-guard.js';
import { WebhookGate } from '../webhooks/webhook-gate.js';
import { coerceToFields, readMappedFields, renderTitle } from './map-payload.js';

const KEPT_PAYLOAD_CHARS = 1_000_000;

export interface IntakeResult {
  messageId: string;
  ticketId: string;
  number: number;
  workflowKey: string;
  fields: Record<string, unknown>;
  replayed?: boolean;
}

export interface Delivery {
  channel: string;
  body: RawIntakeBody;
  /** The Standard Webhooks headers as received. */
  headers: Record<string, string | undefined>;
  /** Set from `webhook-id` once the signature holds. */
  deliveryId?: string;
  contentType: string | undefined;
  address: string;
}

/**
 * Turns signed inbound webhooks into typed tickets. Every message is kept in
 * `intake_messages` — accepted with its ticket, or rejected with the error the
 * sender got — so nothing is silently dropped.
 */
@Injectable()
export class IntakeService {
  /** Fallback secrets for channels without their own (`INTAKE_SECRET`, `new,old` during a rotation). */
  private readonly envSecrets = (process.env.INTAKE_SECRET ?? '')
    .split(',')
    .map((secret) => secret.trim())
    .filter((secret) => secret !== '');

  constructor(
    private readonly dataSource: DataSource,
    private readonly channels: IntakeChannelsService,
    private readonly tickets: TicketsService,
    private readonly workflows: WorkflowsService,
    private readonly automation: AutomationService,
    private readonly gate: WebhookGate,
  ) {}

  /**
   * Checks the signature, parses and maps the payload, picks the workflow
   * (the channel's, else routing rules) and creates the ticket as the
   * channel's requester. Side effects: a ticket (through TicketsService) and
   * an intake_messages row, whatever the outcome.
   */
  async receive(delivery: Delivery): Promise<IntakeResult> {
    const target = {
      route: `intake/${delivery.channel.slice(0, 40)}`,
      objectType: 'intake-channel' as const,
      objectId: delivery.channel.slice(0, 40),
    };
    try {
      const result = await this.accept(delivery);
      await this.gate.record(target, {
        accepted: true,
        webhookId: delivery.deliveryId,
        sender: 'signed',
        address: delivery.address,
        ...(result.replayed ? { code: 'retry-of-accepted-delivery' } : {}),
      });
      if (result.replayed) return result;
      const messageId = await this.keep(delivery, {
        status: 'accepted',
        statusCode: 201,
        ticketId: result.ticketId,
      });
      return { ...result, messageId };
    } catch (error) {
      const known = error instanceof DomainError;
      await this.gate.record(target, {
        accepted: false,
        code: known ? error.code : 'internal-error',
        webhookId: delivery.deliveryId ?? delivery.headers['webhook-id'],
        sender: 'signed',
        address: delivery.address,
      });
      await this.keep(delivery, {
        status: 'rejected',
        statusCode: known ? error.status : 500,
        errorCode: known ? error.code : 'internal-error',
        error: error instanceof Error ? error.message : String(error),
      });
      throw error;
    }
  }

  async messages(query: { status?: string; channel?: string; limit?: number }) {
    return this.dataSource.query(
      `SELECT m.id, m.channel, m.status, m.status_code AS "statusCode", m.error_code AS "errorCode", m.error, m.delivery_id AS "deliveryId",
              m.content_type AS "contentType", m.payload, m.ticket_id AS "ticketId", t.number AS "ticketNumber", m.received_at AS "receivedAt"
         FROM intake_messages m LEFT JOIN tickets t ON t.id = m.ticket_id
        WHERE ($1::text IS NULL OR m.status = $1) AND ($2::text IS NULL OR m.channel = $2)
        ORDER BY m.received_at DESC, m.id LIMIT $3`,
      [query.status ?? null, query.channel ?? null, query.limit ?? 100],
    );
  }

  private async accept(delivery: Delivery): Promise<IntakeResult & { messageId: string }> {
    const { channel, body } = delivery;
    if (!isIntakeChannel(channel)) throw notFound('Intake channel', channel);
    if (body.tooLarge)
      throw invalid('payload-too-large', 'The payload is larger than the server accepts; send at most 3 MB.');
    const config = await this.channels.load(this.dataSource.manager, channel);
    const secrets = config?.secret
      ? [config.secret, ...(config.previous_secret ? [config.previous_secret] : [])]
      : this.envSecrets;
    if (secrets.length === 0)
      throw new DomainError(
        401,
        'intake-secret-missing',
        `No secret is set for the "${channel}" channel: an admin sets one (PUT /api/intake/channels/${channel}) or INTAKE_SECRET.`,
      );
    const webhookId = await this.gate.verify(secrets, delivery.headers, body.bytes, delivery.address);
    delivery.deliveryId = webhookId;
    const payload = parsePayload(body.bytes);
    const badText = findBadText(payload, 'payload');
    if (badText !== undefined) throw badTextError(badText);
    if (!config)
      throw unprocessable(
        'intake-channel-not-configured',
        `The "${channel}" channel has no configuration yet: an admin sets its workflow and field mappings (PUT /api/intake/channels/${channel}).`,
      );
    if (!config.enabled)
      throw unprocessable('intake-channel-disabled', `The "${channel}" channel is disabled.`);
    // A sender's retry of a delivery that made a ticket gets that ticket again; any other reuse of its id is refused.
    const previous = await this.previousDelivery(channel, delivery.deliveryId);
    if (previous) return { ...previous, replayed: true };
    await this.dataSource.transaction((manager) => this.gate.claim(manager, webhookId, `intake/${channel}`));
    const mapped = readMappedFields(payload, config.field_mappings);
    const workflowKey =
      config.workflow_key ??
      (await this.automation.chooseWorkflow(this.dataSource.manager, {
        ...mapped,
        'ticket.channel': channel,
        'ticket.priority': 'normal',
      }));
    if (!workflowKey) {
      throw unprocessable(
        'no-workflow-for-intake',
        `No workflow for this "${channel}" message: set one on the channel, or add a ticket.created rule with a set-workflow action that matches it.`,
      );
    }
    const version = await this.workflows.startableVersion(this.dataSource.manager, workflowKey);
    if (!version)
      throw unprocessable(
        'workflow-not-published',
        `Workflow "${workflowKey}" has no published version to start tickets on.`,
      );
    const { fields, problems } = coerceToFields(mapped, version.definition.fields);
    if (problems.length > 0)
      throw invalid(
        'intake-mapping-failed',
        `Some mapped values do not fit the workflow's fields: ${problems.map((p) => p.message).join('; ')}.`,
        problems,
      );
    const title = renderTitle(config.title_template, { payload, fields, channel });
    const requester = await this.requester(config);
    const dto = { workflowKey, title, fields, channel } as CreateTicketDto;
    const ticket = await this.tickets.create(dto, requester);
    return { messageId: '', ticketId: ticket.id, number: ticket.number, workflowKey, fields: ticket.fields };
  }

  private async requester(config: ChannelRow): Promise<AuthUser> {
    const id = config.requester_id ?? config.updated_by;
    const [user] = await activeUsersWhere(this.dataSource, 'id = $1', [id]);
    if (!user)
      throw unprocessable(
        'intake-requester-missing',
        `The "${config.channel}" channel's requester is not an active user; an admin sets another.`,
      );
    return user;
  }

  private async previousDelivery(
    channel: string,
    deliveryId: string | undefined,
  ): Promise<(IntakeResult & { messageId: string }) | undefined> {
    if (!deliveryId) return undefined;
    const [row] = (await this.dataSource.query(
      `SELECT m.id, t.id AS ticket_id, t.number, t.workflow_key, t.fields FROM intake_messages m JOIN tickets t ON t.id = m.ticket_id
        WHERE m.channel = $1 AND m.delivery_id = $2 AND m.status = 'accepted'`,
      [channel, deliveryId],
    )) as {
      id: string;
      ticket_id: string;
      number: string;
      workflow_key: string;
      fields: Record<string, unknown>;
    }[];
    return (
      row && {
        messageId: row.id,
        ticketId: row.ticket_id,
        number: Number(row.number),
        workflowKey: row.workflow_key,
        fields: row.fields,
      }
    );
  }

  private async keep(
    delivery: Delivery,
    outcome: {
      status: 'accepted' | 'rejected';
      statusCode: number;
      ticketId?: string;
      errorCode?: string;
      error?: string;
    },
  ): Promise<string> {
    const [row] = (await this.dataSource.query(
      `INSERT INTO intake_messages (channel, status, status_code, error_code, error, delivery_id, content_type, payload, ticket_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [
        delivery.channel.slice(0, 40),
        outcome.status,
        outcome.statusCode,
        outcome.errorCode ?? null,
        outcome.error?.slice(0, 2000) ?? null,
        delivery.deliveryId?.slice(0, 200) ?? null,
        delivery.contentType?.slice(0, 200) ?? null,
        delivery.body.bytes.toString('utf8').slice(0, KEPT_PAYLOAD_CHARS).replaceAll('\u0000', ''),
        outcome.ticketId ?? null,
      ],
    )) as { id: string }[];
    return (row as { id: string }).id;
  }
}

function parsePayload(bytes: Buffer): Record<string, unknown> {
  let payload: unknown;
  try {
    payload = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw invalid(
      'malformed-payload',
      'The payload is not valid JSON; it was kept for inspection (GET /api/intake/messages).',
    );
  }
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    throw invalid(
      'malformed-payload',
      'The payload must be a JSON object; it was kept for inspection (GET /api/intake/messages).',
    );
  }
  return payload as Record<string, unknown>;
}
