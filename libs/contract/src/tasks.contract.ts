import { Type, type Static } from '@sinclair/typebox';
import { Closed, Nullable, OneOf, Timestamp, Uuid } from './schema-builders.js';
import { AttachmentSummarySchema } from './attachments.contract.js';
import { FieldValuesSchema, PrioritySchema, VisibilitySchema } from './tickets.contract.js';

export const TASK_KINDS = ['task', 'approval'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

/** One entry of a step's form: a field it shows (`read`) or lets its person change (`edit`). */
export const FormEntrySchema = Closed({
  field: Type.String(),
  mode: Type.Optional(OneOf(['read', 'edit'], 'Absent on tasks from before step forms: an edit')),
  required: Type.Optional(Type.Boolean()),
  note: Type.Optional(Type.String()),
});
export type FormEntryView = Static<typeof FormEntrySchema>;

/** One group of a composite approval: its role, the approvals it needs and those counted for it. */
export const GroupSeatsSchema = Closed({
  role: Type.String(),
  count: Type.Integer({ minimum: 1 }),
  approved: Type.Integer({ minimum: 0 }),
});
export type GroupSeats = Static<typeof GroupSeatsSchema>;

/** A step waiting for someone, or done (`GET /api/tasks`, `GET /api/tasks/:id`, every task action). */
export const TaskSchema = Closed({
  id: Uuid(),
  ticketId: Uuid(),
  ticketTitle: Type.String(),
  ticketNumber: Type.Integer({ minimum: 1 }),
  workflowKey: Type.String(),
  workflowVersion: Type.Optional(Type.Integer({ minimum: 1, description: 'The version the ticket runs on' })),
  priority: PrioritySchema,
  nodeId: Type.String(),
  kind: OneOf(TASK_KINDS),
  name: Type.String(),
  status: OneOf(['open', 'completed', 'cancelled']),
  dueAt: Type.Optional(Timestamp()),
  outcome: Type.Optional(Type.String()),
  comment: Type.Optional(Type.String()),
  outcomes: Type.Array(Type.String()),
  form: Type.Optional(Type.Array(FormEntrySchema, { description: 'What the step shows and may change' })),
  fields: Type.Optional(FieldValuesSchema),
  requester: Type.Optional(Closed({ username: Type.String(), displayName: Type.String() })),
  lastComment: Type.Optional(
    Closed(
      {
        text: Type.String(),
        visibility: VisibilitySchema,
        by: Nullable(Type.String()),
        at: Timestamp(),
        step: Nullable(Type.String()),
      },
      'The last comment made before this step started (staff see internal ones too)',
    ),
  ),
  attachments: Type.Optional(
    Type.Array(AttachmentSummarySchema, { description: "The ticket's files, newest first (up to 10)" }),
  ),
  policy: Type.Optional(
    Closed({
      type: OneOf(['any', 'all', 'quorum', 'percent', 'groups']),
      count: Type.Optional(Type.Integer()),
      value: Type.Optional(Type.Number()),
      groups: Type.Optional(Type.Array(Closed({ role: Type.String(), count: Type.Integer({ minimum: 1 }) }))),
    }),
  ),
  item: Type.Optional(
    Closed(
      { index: Type.Integer({ minimum: 0 }), of: Type.Integer({ minimum: 1 }), value: Type.Unknown() },
      'Multi-instance steps (`forEach`): the list item this task works on',
    ),
  ),
  groupTally: Type.Optional(
    Type.Array(GroupSeatsSchema, { description: 'Composite approvals: seats filled per group so far' }),
  ),
  role: Type.Optional(Type.String()),
  assignee: Type.Optional(Type.String()),
  createdAt: Timestamp(),
  completedAt: Type.Optional(Timestamp()),
});
export type Task = Static<typeof TaskSchema>;

/** `GET /api/tasks` query. */
export interface InboxQuery {
  workflowKey?: string;
  kind?: TaskKind;
  priority?: string;
}

const decision = {
  comment: Type.Optional(Type.String({ minLength: 1, maxLength: 4000 })),
  visibility: Type.Optional(VisibilitySchema),
  fields: Type.Optional(FieldValuesSchema),
};

/** `POST /api/tasks/:id/approve`. */
export const ApproveRequestSchema = Closed(decision);
export type ApproveRequest = Static<typeof ApproveRequestSchema>;

/** `POST /api/tasks/:id/reject`: a comment says why. */
export const RejectRequestSchema = Closed({
  ...decision,
  comment: Type.String({ minLength: 1, maxLength: 4000 }),
});
export type RejectRequest = Static<typeof RejectRequestSchema>;

/** `POST /api/tasks/:id/complete`: one of the step's outcomes and the fields its form lets change. */
export const CompleteRequestSchema = Closed({ ...decision, outcome: Type.Optional(Type.String()) });
export type CompleteRequest = Static<typeof CompleteRequestSchema>;

/** `POST /api/tasks/:id/delegate`. */
export const DelegateTaskRequestSchema = Closed({ toUser: Type.String() });
export type DelegateTaskRequest = Static<typeof DelegateTaskRequestSchema>;
