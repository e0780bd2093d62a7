import { Type, type Static } from '@sinclair/typebox';
import { FieldMappingSchema } from './operations.contract.js';
import { Closed, Nullable, OneOf, Timestamp, Uuid } from './schema-builders.js';

// Inbound e-mail (issue 21): the channels admins configure and the log of what arrived.

export const UNKNOWN_SENDER_POLICIES = ['reject', 'fallback'] as const;
export type UnknownSenderPolicy = (typeof UNKNOWN_SENDER_POLICIES)[number];

/** An inbound e-mail address and how its mail becomes tickets (`/api/mail/channels`). */
export const MailChannelSchema = Closed({
  id: Uuid(),
  address: Type.String(),
  enabled: Type.Boolean(),
  workflowKey: Type.String(),
  titleTemplate: Type.String(),
  fieldMappings: Type.Array(FieldMappingSchema),
  unknownSender: OneOf(UNKNOWN_SENDER_POLICIES),
  fallbackRequester: Nullable(Type.String({ description: 'username' })),
  allowedDomains: Type.Array(Type.String()),
  maxBytes: Type.Integer({ minimum: 0 }),
});
export type MailChannel = Static<typeof MailChannelSchema>;
/** The body of `POST /api/mail/channels` and `PUT /api/mail/channels/:id`. */
export type MailChannelBody = Omit<MailChannel, 'id'>;
export const MailChannelListSchema = Type.Array(MailChannelSchema);

export const MAIL_MESSAGE_STATUSES = ['ticket', 'comment', 'ignored', 'rejected'] as const;

/** One inbound e-mail and what became of it (`GET /api/mail/messages`, newest first). */
export const MailMessageSchema = Closed({
  id: Uuid(),
  channel: Nullable(Type.String({ description: 'the channel address; null once it is removed' })),
  messageId: Nullable(Type.String()),
  status: OneOf(MAIL_MESSAGE_STATUSES),
  reason: Nullable(Type.String()),
  from: Nullable(Type.String()),
  subject: Nullable(Type.String()),
  ticketId: Nullable(Uuid()),
  ticketNumber: Nullable(Type.String({ description: 'the ticket number, as a decimal string' })),
  attachments: Type.Integer({ minimum: 0 }),
  sizeBytes: Type.Integer({ minimum: 0 }),
  receivedAt: Timestamp(),
});
export type MailMessage = Static<typeof MailMessageSchema>;
export const MailMessageListSchema = Type.Array(MailMessageSchema);
