import { Type, type Static } from '@sinclair/typebox';
import { Closed, Nullable, OneOf, Timestamp, Uuid } from './schema-builders.js';

export const ATTACHMENT_VISIBILITIES = ['internal', 'public'] as const;
export const ATTACHMENT_SOURCES = ['upload', 'document', 'email'] as const;

/**
 * One file on a ticket, never its bytes (`POST /api/tickets/:id/attachments`,
 * `GET /api/tickets/:id/attachments`).
 */
export const AttachmentSchema = Closed({
  id: Uuid(),
  ticketId: Uuid(),
  name: Type.String({ description: 'Sanitised file name' }),
  contentType: Type.String({ description: 'Detected from the bytes, not from the client' }),
  size: Type.Integer({ minimum: 1, description: 'Bytes' }),
  sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }),
  visibility: OneOf(ATTACHMENT_VISIBILITIES),
  source: OneOf(ATTACHMENT_SOURCES),
  uploadedBy: Nullable(
    Type.String({
      description: "The uploader's username; null for the system or where staff names are hidden",
    }),
  ),
  step: Nullable(Type.String({ description: 'The step (node id) it was added at, with a step form' })),
  createdAt: Timestamp(),
});
export type Attachment = Static<typeof AttachmentSchema>;

/** A ticket's file as an inbox task carries it (`attachments` on a task, newest first, up to 10). */
export const AttachmentSummarySchema = Closed({
  id: Uuid(),
  name: Type.String(),
  contentType: Type.String(),
  size: Type.Integer({ minimum: 0 }),
  visibility: OneOf(ATTACHMENT_VISIBILITIES),
});
export type AttachmentSummary = Static<typeof AttachmentSummarySchema>;

/** A file added to the ticket, as a timeline entry names it. */
export const AttachmentRefSchema = Closed({ id: Uuid(), name: Type.String() });
export type AttachmentRef = Static<typeof AttachmentRefSchema>;

/** `POST /api/tickets/:id/attachments` (multipart/form-data, beside `file`). */
export interface UploadAttachmentRequest {
  visibility?: (typeof ATTACHMENT_VISIBILITIES)[number];
  /** An open step of this ticket the file comes with. */
  taskId?: string;
}
