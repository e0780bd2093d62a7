import { Type, type Static } from '@sinclair/typebox';
import { Closed, Nullable, OneOf, OpenRecord } from './schema-builders.js';

const step = () => Closed({ id: Type.String(), name: Type.String() });
// Ticket numbers in impact and migration reports come as the database's text.
const ticketNumber = () => Type.String({ pattern: '^[0-9]+$' });

/** Tickets that the draft would route the same other way. */
export const ImpactGroupSchema = Closed({
  nowVisits: Type.Array(step(), { description: 'Steps the draft would now send these tickets through' }),
  noLongerVisits: Type.Array(step(), { description: 'Steps they would no longer go through' }),
  outcome: Type.Optional(Closed({ before: Nullable(Type.String()), after: Nullable(Type.String()) })),
  count: Type.Integer({ minimum: 0 }),
  summary: Type.String(),
  tickets: Type.Array(Closed({ ticketId: Type.String(), number: ticketNumber(), title: Type.String() })),
});
export type ImpactGroup = Static<typeof ImpactGroupSchema>;

/** `POST /api/workflows/:key/impact` sends how many recent tickets to replay. */
export const ImpactRequestSchema = Closed({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
});
export type ImpactRequest = Static<typeof ImpactRequestSchema>;

/** `POST /api/workflows/:key/impact`: recent tickets of the latest version replayed through the draft. */
export const ImpactReportSchema = Closed({
  key: Type.String(),
  version: Type.Integer(),
  sampled: Type.Integer({ minimum: 0 }),
  differing: Type.Integer({ minimum: 0 }),
  groups: Type.Array(ImpactGroupSchema),
  tickets: Type.Array(
    Closed({
      ticketId: Type.String(),
      number: ticketNumber(),
      title: Type.String(),
      status: Type.String(),
      before: Type.Array(Type.String()),
      after: Type.Array(Type.String()),
      outcomeBefore: Type.Optional(Type.String()),
      outcomeAfter: Type.Optional(Type.String()),
    }),
  ),
});
export type ImpactReport = Static<typeof ImpactReportSchema>;

/** `POST /api/workflows/:key/migrations`: move running tickets to another version (or try it: `dryRun`). */
export const MigrationRequestSchema = Closed({
  toVersion: Type.Integer({ minimum: 1 }),
  mapping: Type.Optional(OpenRecord(Type.String(), 'Old node id → new node id')),
  dryRun: Type.Optional(Type.Boolean()),
  ticketIds: Type.Optional(Type.Array(Type.String())),
});
export type MigrationRequest = Static<typeof MigrationRequestSchema>;

export const MigrationTicketSchema = Closed({
  ticketId: Type.String(),
  number: ticketNumber(),
  title: Type.String(),
  fromVersion: Type.Integer(),
  activeNodes: Type.Array(Type.String()),
  result: OneOf(['ready', 'migrated', 'refused', 'failed']),
  reason: Type.Optional(Type.String()),
  code: Type.Optional(Type.String()),
  targetNodes: Type.Optional(Type.Array(Type.String())),
});
export type MigrationTicket = Static<typeof MigrationTicketSchema>;

export const MigrationMappingRowSchema = Closed({
  fromVersion: Type.Integer(),
  nodeId: Type.String(),
  name: Type.String(),
  type: Type.String(),
  tickets: Type.Integer({ minimum: 0 }),
  toNode: Nullable(Type.String()),
});
export type MigrationMappingRow = Static<typeof MigrationMappingRowSchema>;

export const MigrationReportSchema = Closed({
  key: Type.String(),
  toVersion: Type.Integer(),
  dryRun: Type.Boolean(),
  mapping: Type.Array(MigrationMappingRowSchema),
  targetNodes: Type.Array(Closed({ id: Type.String(), name: Type.String(), type: Type.String() })),
  tickets: Type.Array(MigrationTicketSchema),
  summary: Closed({
    total: Type.Integer(),
    ready: Type.Integer(),
    migrated: Type.Integer(),
    refused: Type.Integer(),
    failed: Type.Integer(),
  }),
});
export type MigrationReport = Static<typeof MigrationReportSchema>;
