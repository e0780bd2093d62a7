import { Type, type Static } from '@sinclair/typebox';
import type { FieldValues } from '@ticketflow/definition';
import type { TransitionDetail } from '@ticketflow/runtime';
import { Closed, Described, Nullable, OneOf, OpenRecord, Timestamp, Uuid } from './schema-builders.js';
import { AttachmentRefSchema } from './attachments.contract.js';

export const TICKET_STATUSES = ['active', 'completed', 'cancelled', 'incident'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];
export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];
export const CHANNELS = ['web', 'email', 'phone', 'wechat', 'app', 'api'] as const;
export type Channel = (typeof CHANNELS)[number];
export const VISIBILITIES = ['internal', 'public'] as const;
/** Who may read a comment: staff only (`internal`) or the requester too (`public`). */
export type Visibility = (typeof VISIBILITIES)[number];

export const PrioritySchema = OneOf(PRIORITIES);
export const VisibilitySchema = OneOf(VISIBILITIES);

/** Field values keyed by field name, typed by the workflow's `fields`. */
export const FieldValuesSchema = Type.Unsafe<FieldValues>(OpenRecord(Type.Unknown(), 'Field values by name'));

/**
 * The parent ticket whose sub-flow step started this one. `visible`: whether the reader may open it
 * (seeing a child does not let one see its parent, nor the other way round).
 */
export const SubflowParentLinkSchema = Closed({
  ticketId: Uuid(),
  number: Type.Integer({ minimum: 1 }),
  title: Type.String(),
  workflowKey: Type.String(),
  version: Type.Integer({ minimum: 1 }),
  node: Type.String({ description: 'The sub-flow step of the parent' }),
  nodeName: Type.String(),
  visible: Type.Boolean(),
});
export type SubflowParentLink = Static<typeof SubflowParentLinkSchema>;

/** A child ticket one of this ticket's sub-flow steps started, and where it is now. */
export const SubflowChildLinkSchema = Closed({
  ticketId: Uuid(),
  number: Type.Integer({ minimum: 1 }),
  workflowKey: Type.String(),
  version: Type.Integer({ minimum: 1, description: 'The version the child is pinned to' }),
  workflowName: Type.String(),
  status: OneOf(TICKET_STATUSES),
  node: Type.String({ description: 'The sub-flow step of this ticket that started the child' }),
  nodeName: Type.String(),
  steps: Type.Array(Type.String(), { description: "The names of the child's current steps" }),
  stepIds: Type.Array(Type.String(), { description: "The node ids of the child's current steps" }),
  visible: Type.Boolean(),
});
export type SubflowChildLink = Static<typeof SubflowChildLinkSchema>;

/** A ticket (`GET /api/tickets/:id` and every action that changes one). */
export const TicketSchema = Closed({
  id: Uuid(),
  number: Type.Integer({ minimum: 1 }),
  title: Type.String(),
  fields: FieldValuesSchema,
  priority: PrioritySchema,
  channel: Type.String(),
  status: OneOf(TICKET_STATUSES),
  outcome: Type.Optional(Type.String()),
  activeNodes: Type.Array(Type.String()),
  workflow: Closed({ key: Type.String(), version: Type.Integer({ minimum: 1 }) }),
  requester: Closed({ id: Uuid(), username: Type.String() }),
  createdAt: Timestamp(),
  updatedAt: Timestamp(),
  closedAt: Type.Optional(Timestamp()),
  tags: Type.Array(Type.String(), { description: 'Set by automation rules' }),
  assigneeGroup: Type.Optional(Type.String()),
  /** `GET /api/tickets/:id`: the parent when this ticket is a sub-flow's child. */
  parent: Type.Optional(SubflowParentLinkSchema),
  /** `GET /api/tickets/:id`: the children this ticket's sub-flow steps started. */
  subflows: Type.Optional(Type.Array(SubflowChildLinkSchema)),
});
export type Ticket = Static<typeof TicketSchema>;

/** `POST /api/tickets`: a new ticket on the latest published version of its workflow. */
export const CreateTicketRequestSchema = Closed({
  workflowKey: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,63}$' }),
  title: Type.String({ minLength: 1, maxLength: 200 }),
  fields: FieldValuesSchema,
  priority: Type.Optional(PrioritySchema),
  channel: Type.Optional(OneOf(CHANNELS)),
});
export type CreateTicketRequest = Static<typeof CreateTicketRequestSchema>;

/** `GET /api/tickets` query. */
export interface TicketListQuery {
  workflowKey?: string;
  status?: TicketStatus;
  q?: string;
}

/** `POST /api/tickets/:id/cancel`. */
export const CancelTicketRequestSchema = Closed({ reason: Type.String({ minLength: 1, maxLength: 2000 }) });
export type CancelTicketRequest = Static<typeof CancelTicketRequestSchema>;

/** `POST /api/tickets/:id/comments`. */
export const CommentRequestSchema = Closed({
  text: Type.String({ minLength: 1, maxLength: 4000 }),
  visibility: Type.Optional(VisibilitySchema),
});
export type CommentRequest = Static<typeof CommentRequestSchema>;

/** One comment on a ticket; `by` is null where the reader may not see staff names. */
export const TicketCommentSchema = Closed({
  seq: Type.Integer(),
  at: Timestamp(),
  text: Type.String(),
  visibility: VisibilitySchema,
  by: Nullable(Type.String()),
  fromStaff: Type.Boolean(),
  step: Nullable(Type.String({ description: 'The node id it was written at' })),
});
export type TicketComment = Static<typeof TicketCommentSchema>;

/** A field a step changed, with its old and new value. */
export interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

/**
 * One recorded move of a ticket (`GET /api/tickets/:id/transitions`). Staff see `detail` (why an
 * automatic branch was taken, who decided); the requester sees step names and public comments.
 */
export const TransitionSchema = Closed({
  seq: Type.Integer(),
  event: Type.String(),
  from: Nullable(Type.String()),
  to: Nullable(Type.String()),
  actor: Type.Optional(Type.String()),
  detail: Type.Optional(
    Described<TransitionDetail & { fieldChanges?: FieldChange[] }>(
      'Why: the condition and values, the outcome and who chose it, the vote, the message',
    ),
  ),
  at: Timestamp(),
  fromName: Type.Optional(Type.String()),
  toName: Type.Optional(Type.String()),
  comment: Type.Optional(Type.String()),
  attachment: Type.Optional(AttachmentRefSchema),
});
export type Transition = Static<typeof TransitionSchema>;
