/** Columns of an attachment's metadata (`a` attachments, `u` the uploader). */
export const ATTACHMENT_COLUMNS = `a.id, a.ticket_id, a.task_id, a.name, a.content_type, a.size_bytes, a.sha256, a.visibility, a.source,
  a.created_at, a.uploaded_by, u.username AS uploaded_by_username, k.node_id AS step`;

/** The joins `ATTACHMENT_COLUMNS` needs. */
export const ATTACHMENT_JOINS =
  'LEFT JOIN users u ON u.id = a.uploaded_by LEFT JOIN tasks k ON k.id = a.task_id';

export interface AttachmentRow {
  id: string;
  ticket_id: string;
  task_id: string | null;
  name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  visibility: 'internal' | 'public';
  source: 'upload' | 'document' | 'email';
  created_at: Date;
  uploaded_by: string | null;
  uploaded_by_username: string | null;
  step: string | null;
}

/** What the API answers about one file (never its bytes). */
export interface AttachmentView {
  id: string;
  ticketId: string;
  name: string;
  contentType: string;
  size: number;
  sha256: string;
  visibility: 'internal' | 'public';
  source: 'upload' | 'document' | 'email';
  /** The uploader's username; null for the system (documents) or when the reader may not see staff names. */
  uploadedBy: string | null;
  /** The step it was added at, when it came with a step's form. */
  step: string | null;
  createdAt: Date;
}

/**
 * The API shape of a row. `hideStaff`: the requester reads it — other
 * people's names are left out. Pure.
 */
export function toAttachmentView(row: AttachmentRow, hideStaffFor?: string): AttachmentView {
  const hidden = hideStaffFor !== undefined && row.uploaded_by !== hideStaffFor;
  return {
    id: row.id,
    ticketId: row.ticket_id,
    name: row.name,
    contentType: row.content_type,
    size: Number(row.size_bytes),
    sha256: row.sha256,
    visibility: row.visibility,
    source: row.source,
    uploadedBy: hidden ? null : row.uploaded_by_username,
    step: row.step,
    createdAt: row.created_at,
  };
}

/**
 * A subselect for task queries (`k` tasks): the ticket's files, newest first,
 * up to 10, for the approver's card (staff read tasks, so internal ones too).
 */
export const TASK_ATTACHMENTS_SQL = `(SELECT coalesce(json_agg(json_build_object('id', f.id, 'name', f.name, 'contentType', f.content_type, 'size', f.size_bytes, 'visibility', f.visibility) ORDER BY f.created_at DESC), '[]'::json)
     FROM (SELECT * FROM attachments fa WHERE fa.ticket_id = k.ticket_id ORDER BY fa.created_at DESC LIMIT 10) f) AS attachments`;
