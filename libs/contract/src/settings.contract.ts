import { Type, type Static } from '@sinclair/typebox';
import { Closed, Nullable, OneOf, Timestamp, Uuid } from './schema-builders.js';

/** `GET|PUT /api/settings/business-calendar`: what business-hours timeouts and SLAs count in. */
export const BusinessCalendarSchema = Closed({
  workingDays: Type.Array(Type.Integer({ minimum: 0, maximum: 6 }), {
    description: '0 = Sunday … 6 = Saturday',
  }),
  startMinute: Type.Integer({ minimum: 0, maximum: 1440, description: 'Minutes after midnight, local time' }),
  endMinute: Type.Integer({ minimum: 0, maximum: 1440 }),
  timeZone: Type.Optional(Type.String({ description: 'IANA time zone; wins over utcOffsetMinutes' })),
  utcOffsetMinutes: Type.Integer(),
  holidays: Type.Array(Type.String({ format: 'date' })),
});
export type BusinessCalendar = Static<typeof BusinessCalendarSchema>;

/** `PUT /api/settings/business-calendar`: the same, `utcOffsetMinutes` optional (default 0). */
export const BusinessCalendarRequestSchema = Closed({
  ...BusinessCalendarSchema.properties,
  utcOffsetMinutes: Type.Optional(Type.Integer()),
});
export type BusinessCalendarRequest = Static<typeof BusinessCalendarRequestSchema>;

/** `GET|PUT /api/settings/organisation`. */
export const OrganisationSettingsSchema = Closed({
  timeZone: Type.String({ description: 'IANA time zone the organisation counts its days in' }),
});
export type OrganisationSettings = Static<typeof OrganisationSettingsSchema>;

/** `PUT /api/settings/http-actions` sends the admin's list of hosts. */
export const HttpActionHostsRequestSchema = Closed({ allowedHosts: Type.Array(Type.String()) });
export type HttpActionHostsRequest = Static<typeof HttpActionHostsRequestSchema>;

/** `GET|PUT /api/settings/http-actions`: hosts HTTP actions may call. */
export const HttpActionHostsSchema = Closed({
  allowedHosts: Type.Array(Type.String()),
  fromEnvironment: Closed(
    {
      allowedHosts: Type.Array(Type.String()),
      allowPrivateHosts: Type.Array(Type.String(), { description: 'Private hosts allowed all the same' }),
    },
    'Fixed by the environment (HTTP_ACTION_ALLOWED_HOSTS…); the admin cannot change these',
  ),
});
export type HttpActionHosts = Static<typeof HttpActionHostsSchema>;

/** A secret as listed: never its value. */
export const SecretSummarySchema = Closed({
  name: Type.String(),
  description: Nullable(Type.String()),
  signingHost: Nullable(Type.String()),
  updatedBy: Nullable(Type.String()),
  updatedAt: Timestamp(),
});
export type SecretSummary = Static<typeof SecretSummarySchema>;

/** `PUT /api/secrets/:name`. */
export const PutSecretRequestSchema = Closed({
  value: Type.String({ minLength: 1, maxLength: 4000 }),
  description: Type.Optional(Type.String({ maxLength: 200 })),
  signingHost: Type.Optional(Nullable(Type.String())),
});
export type PutSecretRequest = Static<typeof PutSecretRequestSchema>;

export const BREACH_ACTIONS = ['notify', 'reassign', 'timeout'] as const;

/** `PUT /api/sla/policies` sends a policy of a workflow (and priority). */
export const SlaPolicyRequestSchema = Closed({
  workflowKey: Type.String(),
  priority: Type.Optional(OneOf(['low', 'normal', 'high', 'urgent'])),
  responseMinutes: Type.Optional(Type.Integer({ minimum: 1 })),
  resolutionMinutes: Type.Optional(Type.Integer({ minimum: 1 })),
  businessHours: Type.Optional(Type.Boolean()),
  warnBeforePercent: Type.Optional(Type.Integer({ minimum: 0, maximum: 99 })),
  pauseWhileWaiting: Type.Optional(Type.Boolean()),
  breachAction: Type.Optional(OneOf(BREACH_ACTIONS)),
  escalationRole: Type.Optional(Type.String()),
});
export type SlaPolicyRequest = Static<typeof SlaPolicyRequestSchema>;

/** An SLA policy (`GET /api/sla/policies`). */
export const SlaPolicySchema = Closed({
  id: Uuid(),
  workflowKey: Type.String(),
  priority: Nullable(Type.String()),
  responseMinutes: Nullable(Type.Integer()),
  resolutionMinutes: Nullable(Type.Integer()),
  businessHours: Type.Boolean(),
  warnBeforePercent: Type.Integer(),
  pauseWhileWaiting: Type.Boolean(),
  breachAction: OneOf(BREACH_ACTIONS),
  escalationRole: Nullable(Type.String()),
  updatedAt: Timestamp(),
});
export type SlaPolicy = Static<typeof SlaPolicySchema>;

/** One SLA clock of a ticket, now. */
export const SlaClockSchema = Closed({
  kind: Type.String(),
  status: Type.String(),
  targetMinutes: Type.Integer(),
  businessHours: Type.Boolean(),
  startedAt: Timestamp(),
  dueAt: Nullable(Timestamp()),
  elapsedMs: Type.Number(),
  remainingMs: Nullable(Type.Number({ description: 'Negative once breached; null while paused' })),
  warnedAt: Nullable(Timestamp()),
  breachedAt: Nullable(Timestamp()),
  stoppedAt: Nullable(Timestamp()),
});
export type SlaClock = Static<typeof SlaClockSchema>;

/** `GET /api/tickets/:id/sla`. */
export const TicketSlaSchema = Closed({ ticketId: Uuid(), clocks: Type.Array(SlaClockSchema) });
export type TicketSla = Static<typeof TicketSlaSchema>;
