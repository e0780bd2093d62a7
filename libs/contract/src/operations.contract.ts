import { Type, type Static } from '@sinclair/typebox';
import { Closed, Nullable, OneOf, Timestamp, Uuid } from './schema-builders.js';
import { FieldValuesSchema } from './tickets.contract.js';

/** `GET /api/health` (liveness) and `GET /api/health/ready` (readiness). */
export const HealthSchema = Closed({ status: OneOf(['ok']), database: OneOf(['embedded', 'postgres']) });
export type Health = Static<typeof HealthSchema>;
export const ReadinessSchema = Closed({
  status: OneOf(['ready']),
  database: OneOf(['embedded', 'postgres']),
});
export type Readiness = Static<typeof ReadinessSchema>;

/** One in-app notification (`GET /api/notifications`). */
export const NotificationSchema = Closed({
  id: Uuid(),
  ticketId: Nullable(Uuid()),
  kind: Type.String(),
  title: Type.String(),
  body: Nullable(Type.String()),
  createdAt: Timestamp(),
  readAt: Nullable(Timestamp()),
});
export type AppNotification = Static<typeof NotificationSchema>;

/** `GET /api/notifications/unread-count`. */
export const UnreadCountSchema = Closed({ count: Type.Integer({ minimum: 0 }) });
export type UnreadCount = Static<typeof UnreadCountSchema>;

/** An incident: a failed action or a broken step waiting for an admin (`GET /api/incidents`). */
export const IncidentSchema = Closed({
  id: Uuid(),
  ticketId: Uuid(),
  ticketNumber: Type.Integer(),
  ticketTitle: Type.String(),
  nodeId: Nullable(Type.String()),
  code: Type.String(),
  message: Type.String(),
  status: OneOf(['open', 'resolved']),
  createdAt: Timestamp(),
  resolvedAt: Nullable(Timestamp()),
  resolvedBy: Nullable(Type.String()),
  retryable: Type.Boolean(),
  action: Nullable(
    Closed({
      attempts: Type.Integer(),
      lastError: Nullable(Type.String()),
      lastStatus: Nullable(Type.Integer()),
    }),
  ),
});
export type Incident = Static<typeof IncidentSchema>;

/** `POST /api/tickets/:id/events/:message` sends the message's payload. */
export const InboundEventRequestSchema = Closed({
  fields: Type.Optional(FieldValuesSchema),
  ticketId: Type.Optional(Uuid("Required when signed: equals the URL's")),
  message: Type.Optional(Type.String({ description: "Required when signed: equals the URL's" })),
});
export type InboundEventRequest = Static<typeof InboundEventRequestSchema>;

export const INTAKE_CHANNELS = ['email', 'phone', 'wechat', 'app', 'other'] as const;
export type IntakeChannel = (typeof INTAKE_CHANNELS)[number];

/** Where one field of an intake ticket comes from: a JSON path, an extractor over text, or a constant. */
export const FieldMappingSchema = Type.Union([
  Closed({ field: Type.String(), path: Type.String() }),
  Closed({ field: Type.String(), from: Type.String(), extract: Type.String() }),
  Closed({ field: Type.String(), value: Type.Union([Type.String(), Type.Number(), Type.Boolean()]) }),
]);
export type FieldMapping = Static<typeof FieldMappingSchema>;

/** How an intake channel turns a payload into a ticket (secrets are never shown). */
export const ChannelConfigSchema = Closed({
  channel: OneOf(INTAKE_CHANNELS),
  configured: Type.Boolean(),
  enabled: Type.Boolean(),
  workflowKey: Nullable(Type.String()),
  titleTemplate: Type.String(),
  fieldMappings: Type.Array(FieldMappingSchema),
  requester: Nullable(Type.String()),
  hasSecret: Type.Boolean(),
});
export type ChannelConfig = Static<typeof ChannelConfigSchema>;

/** `PUT /api/intake/channels/:channel`. */
export const ChannelConfigRequestSchema = Closed({
  enabled: Type.Optional(Type.Boolean()),
  workflowKey: Type.Optional(Nullable(Type.String())),
  titleTemplate: Type.String(),
  fieldMappings: Type.Array(FieldMappingSchema),
  requester: Type.Optional(Nullable(Type.String())),
  secret: Type.Optional(Type.String()),
  dropPreviousSecret: Type.Optional(Type.Boolean()),
});
export type ChannelConfigRequest = Static<typeof ChannelConfigRequestSchema>;

/** `POST /api/intake/:channel`: the ticket a signed payload became. */
export const IntakeResultSchema = Closed({
  messageId: Uuid(),
  ticketId: Uuid(),
  number: Type.Integer(),
  workflowKey: Type.String(),
  fields: FieldValuesSchema,
  replayed: Type.Optional(Type.Boolean({ description: 'The same webhook-id again: the first answer' })),
});
export type IntakeResult = Static<typeof IntakeResultSchema>;

/** A received intake message (`GET /api/intake/messages`): accepted with its ticket, or rejected. */
export const IntakeMessageSchema = Closed({
  id: Uuid(),
  channel: Type.String(),
  status: OneOf(['accepted', 'rejected']),
  statusCode: Type.Integer(),
  errorCode: Nullable(Type.String()),
  error: Nullable(Type.String()),
  deliveryId: Nullable(Type.String()),
  contentType: Nullable(Type.String()),
  payload: Type.Unknown({ description: 'The payload as received (JSON, or the text when it was not JSON)' }),
  ticketId: Nullable(Uuid()),
  ticketNumber: Nullable(Type.String({ pattern: '^[0-9]+$' })),
  receivedAt: Timestamp(),
});
export type IntakeMessage = Static<typeof IntakeMessageSchema>;
