import { Inject, Injectable, Logger } from '@nestjs/common';
import { simpleParser, type ParsedMail } from 'mailparser';
import { DataSource } from 'typeorm';
import { activeUsersWhere, type AuthUser } from '../auth/auth-user.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/app-config.token.js';
import { DomainError, invalid, unprocessable } from '../common/errors/domain-error.js';
import { coerceToFields, readMappedFields, renderTitle } from '../intake/map-payload.js';
import type { CreateTicketDto } from '../tickets/ticket.dto.js';
import { TicketsService } from '../tickets/tickets.service.js';
import { WorkflowsService } from '../workflows/workflows.service.js';
import { cleanMailText } from './clean-mail-text.js';
import { INBOUND_ATTACHMENT_SINK, type InboundAttachmentSink } from './inbound-attachment-sink.js';
import { MailChannelsService, type MailChannelRow } from './mail-channels.service.js';
import {
  automaticMailReason,
  type MailHeaders,
  senderDomainAllowed,
  spoofedSenderReason,
  stripQuotedReply,
} from './mail-guards.js';
import { messageIdDomain, readThreadReference } from './mail-threading.js';

/** What became of one inbound e-mail; `rejected` is answered with an SMTP 550 carrying `reason`. */
export interface InboundOutcome {
  status: 'ticket' | 'comment' | 'ignored' | 'rejected' | 'duplicate';
  reason?: string;
  ticketId?: string;
  ticketNumber?: number;
  attachments?: number;
}

/** The SMTP envelope of a message: who the sending server says it is from, and the recipients. */
export interface Envelope {
  mailFrom: string | false;
  rcptTo: string[];
}

const MAX_BODY = 20_000;

/**
 * Turns inbound e-mail into tickets and comments. A new message to a channel's
 * address opens a ticket on its workflow (fields by its mapping rules, the
 * sender as requester); a reply — our Message-IDs in In-Reply-To/References,
 * or `[TF-123]` in the subject — becomes a public comment by its sender on
 * that ticket. Automatic mail is dropped (no loops), forged or foreign
 * senders refused. Every message is recorded in `mail_messages`. Side
 * effects: tickets and comments (through TicketsService), attachments
 * (through the sink), mail_messages rows.
 */
@Injectable()
export class MailIntakeService {
  private readonly logger = new Logger('MailIntake');
  private readonly domain: string;

  constructor(
    private readonly dataSource: DataSource,
    private readonly channels: MailChannelsService,
    private readonly tickets: TicketsService,
    private readonly workflows: WorkflowsService,
    @Inject(INBOUND_ATTACHMENT_SINK) private readonly attachments: InboundAttachmentSink,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.domain = messageIdDomain(config.mail.from);
  }

  /** The channel for the first recipient that has one (enabled or not), or undefined. Reads only. */
  async channelFor(recipients: string[]): Promise<MailChannelRow | undefined> {
    for (const address of recipients) {
      const channel = await this.channels.forRecipient(address);
      if (channel) return channel;
    }
    return undefined;
  }

  /** Handles one raw message (RFC 5322 bytes) received for `envelope`. Never throws for a bad message: the outcome says why. */
  async receive(raw: Buffer, envelope: Envelope): Promise<InboundOutcome> {
    const channel = await this.channelFor(envelope.rcptTo);
    if (!channel || !channel.enabled)
      return { status: 'rejected', reason: 'no enabled channel for this address' };
    if (raw.length > channel.max_bytes)
      return this.record(
        channel,
        undefined,
        { status: 'rejected', reason: `larger than ${channel.max_bytes} bytes` },
        raw.length,
      );
    let mail: ParsedMail;
    try {
      mail = await simpleParser(raw, { skipImageLinks: true, skipTextToHtml: true });
    } catch (error) {
      return this.record(
        channel,
        undefined,
        { status: 'rejected', reason: `unreadable message: ${String(error).slice(0, 200)}` },
        raw.length,
      );
    }
    const outcome = await this.handle(channel, mail, envelope).catch((error: unknown) => {
      if (error instanceof DomainError)
        return { status: 'rejected', reason: `${error.code}: ${error.message}` } as InboundOutcome;
      throw error;
    });
    if (outcome.status === 'duplicate') return outcome;
    return this.record(channel, mail, outcome, raw.length);
  }

  private async handle(
    channel: MailChannelRow,
    mail: ParsedMail,
    envelope: Envelope,
  ): Promise<InboundOutcome> {
    const headers = headerMap(mail);
    const from = (mail.from?.value[0]?.address ?? '').trim().toLowerCase();
    const subject = cleanMailText(mail.subject, 300);
    const own = [this.config.mail.from, channel.address].map((address) =>
      (/<([^>]+)>/.exec(address)?.[1] ?? address).toLowerCase(),
    );
    const automatic = automaticMailReason(headers, { from, subject, envelopeFrom: envelope.mailFrom }, own);
    if (automatic) return { status: 'ignored', reason: automatic };
    if (!from) return { status: 'rejected', reason: 'no From address' };
    const spoofed = spoofedSenderReason(headers);
    if (spoofed) return { status: 'rejected', reason: `sender not authenticated: ${spoofed}` };
    if (!senderDomainAllowed(from, channel.allowed_domains))
      return { status: 'rejected', reason: `sender domain not allowed on ${channel.address}` };
    if (mail.messageId) {
      const previous = await this.accepted(mail.messageId);
      if (previous) return { ...previous, status: 'duplicate' };
    }
    const sender = await this.userByEmail(from);
    const body = cleanMailText(mail.text, MAX_BODY);
    const ticketId = await this.repliedTicket(mail, subject);
    if (ticketId !== undefined) {
      if (ticketId === null)
        return { status: 'rejected', reason: 'the ticket this replies to does not exist' };
      if (!sender) return { status: 'rejected', reason: 'replies are accepted from known users only' };
      const text = stripQuotedReply(body) || subject;
      const comment = await this.tickets.addComment(ticketId, { text, visibility: 'public' }, sender);
      const kept = await this.keepAttachments(ticketId, sender.id, mail);
      this.logger.log(`e-mail from ${from} became comment ${comment.seq} on ticket ${ticketId}`);
      return { status: 'comment', ticketId, attachments: kept };
    }
    const requester =
      sender ??
      (channel.unknown_sender === 'fallback'
        ? await this.userById(channel.fallback_requester_id)
        : undefined);
    if (!requester)
      return {
        status: 'rejected',
        reason: 'the sender is not a user and the channel rejects unknown senders',
      };
    const ticket = await this.openTicket(
      channel,
      { subject, body, from, fromName: cleanMailText(mail.from?.value[0]?.name, 200) },
      requester,
    );
    const kept = await this.keepAttachments(ticket.id, requester.id, mail);
    return { status: 'ticket', ticketId: ticket.id, ticketNumber: ticket.number, attachments: kept };
  }

  private async openTicket(channel: MailChannelRow, payload: Record<string, string>, requester: AuthUser) {
    const version = await this.workflows.startableVersion(this.dataSource.manager, channel.workflow_key);
    if (!version)
      throw unprocessable(
        'workflow-not-published',
        `Workflow "${channel.workflow_key}" has no published version.`,
      );
    const { fields, problems } = coerceToFields(
      readMappedFields(payload, channel.field_mappings),
      version.definition.fields,
    );
    if (problems.length > 0)
      throw invalid('mail-mapping-failed', problems.map((problem) => problem.message).join('; '));
    const title = renderTitle(channel.title_template, { payload, fields, channel: 'email' });
    const dto = { workflowKey: channel.workflow_key, title, fields, channel: 'email' } as CreateTicketDto;
    return this.tickets.create(dto, requester);
  }

  /**
   * The ticket a reply belongs to: undefined when the mail refers to none,
   * null when it refers to one that does not exist. Our Message-IDs in the
   * headers win over the subject's `[TF-n]`.
   */
  private async repliedTicket(mail: ParsedMail, subject: string): Promise<string | null | undefined> {
    const ids = [
      mail.inReplyTo ?? '',
      ...(Array.isArray(mail.references) ? mail.references : [mail.references ?? '']),
    ]
      .flatMap((value) => value.split(/\s+/))
      .filter((value) => value !== '');
    const reference = readThreadReference(subject, ids, this.domain);
    const [row] = (await this.dataSource.query(
      `SELECT id FROM tickets WHERE id = ANY($1::uuid[])
       UNION ALL SELECT ticket_id FROM notifications WHERE id = ANY($2::uuid[]) AND ticket_id IS NOT NULL
       UNION ALL SELECT ticket_id FROM mail_messages WHERE message_id = ANY($3::text[]) AND status IN ('ticket', 'comment') AND ticket_id IS NOT NULL
       LIMIT 1`,
      [reference.ticketIds, reference.notificationIds, ids.slice(0, 100)],
    )) as { id: string }[];
    if (row) return row.id;
    if (reference.ticketNumber === undefined)
      return reference.ticketIds.length + reference.notificationIds.length > 0 ? null : undefined;
    const [numbered] = (await this.dataSource.query('SELECT id FROM tickets WHERE number = $1', [
      reference.ticketNumber,
    ])) as { id: string }[];
    return numbered?.id ?? null;
  }

  private async keepAttachments(ticketId: string, userId: string, mail: ParsedMail): Promise<number> {
    const files = mail.attachments
      .filter((file) => file.contentDisposition !== 'inline' || !file.related)
      .map((file) => ({
        filename: file.filename ?? 'attachment',
        contentType: file.contentType,
        content: file.content,
      }));
    if (files.length === 0) return 0;
    try {
      return await this.attachments.keep(ticketId, userId, files, mail.messageId);
    } catch (error) {
      this.logger.warn(`attachments of an e-mail to ticket ${ticketId} not kept: ${String(error)}`);
      return 0;
    }
  }

  private async accepted(messageId: string): Promise<InboundOutcome | undefined> {
    const [row] = (await this.dataSource.query(
      `SELECT m.status, m.ticket_id, t.number FROM mail_messages m LEFT JOIN tickets t ON t.id = m.ticket_id
        WHERE m.message_id = $1 AND m.status IN ('ticket', 'comment')`,
      [messageId.slice(0, 500)],
    )) as { status: 'ticket' | 'comment'; ticket_id: string; number: string }[];
    return row && { status: row.status, ticketId: row.ticket_id, ticketNumber: Number(row.number) };
  }

  private async userByEmail(address: string): Promise<AuthUser | undefined> {
    const users = await activeUsersWhere(this.dataSource, 'lower(email) = $1', [address], 2);
    // Two users with one address: nobody can tell which one wrote, so neither.
    return users.length === 1 ? users[0] : undefined;
  }

  private async userById(id: string | null): Promise<AuthUser | undefined> {
    return id ? (await activeUsersWhere(this.dataSource, 'id = $1', [id]))[0] : undefined;
  }

  private async record(
    channel: MailChannelRow,
    mail: ParsedMail | undefined,
    outcome: InboundOutcome,
    size: number,
  ): Promise<InboundOutcome> {
    const status = outcome.status === 'duplicate' ? 'ignored' : outcome.status;
    await this.dataSource.query(
      `INSERT INTO mail_messages (channel_id, message_id, status, reason, from_address, subject, ticket_id, attachments, size_bytes)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING`,
      [
        channel.id,
        mail?.messageId?.slice(0, 500) ?? null,
        status,
        outcome.reason?.slice(0, 1000) ?? null,
        cleanMailText(mail?.from?.value[0]?.address, 254) || null,
        cleanMailText(mail?.subject, 300) || null,
        outcome.ticketId ?? null,
        outcome.attachments ?? 0,
        size,
      ],
    );
    return outcome;
  }

  /** The newest inbound messages and their outcome, for admins. Reads only. */
  async messages(query: { status?: string; limit?: number }) {
    return this.dataSource.query(
      `SELECT m.id, c.address AS channel, m.message_id AS "messageId", m.status, m.reason, m.from_address AS "from", m.subject,
              m.ticket_id AS "ticketId", t.number AS "ticketNumber", m.attachments, m.size_bytes AS "sizeBytes", m.received_at AS "receivedAt"
         FROM mail_messages m LEFT JOIN mail_channels c ON c.id = m.channel_id LEFT JOIN tickets t ON t.id = m.ticket_id
        WHERE $1::text IS NULL OR m.status = $1 ORDER BY m.received_at DESC, m.id LIMIT $2`,
      [query.status ?? null, query.limit ?? 100],
    );
  }
}

/** The message's headers by lower-case name, repeated ones joined with ", ". Pure. */
function headerMap(mail: ParsedMail): MailHeaders {
  const headers: MailHeaders = new Map();
  for (const { key, line } of mail.headerLines) {
    const value = line
      .slice(line.indexOf(':') + 1)
      .replace(/\r?\n[ \t]+/g, ' ')
      .trim();
    const name = key.toLowerCase();
    headers.set(name, headers.has(name) ? `${headers.get(name)}, ${value}` : value);
  }
  return headers;
}
