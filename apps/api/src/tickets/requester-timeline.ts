/** A transition as read for a ticket's timeline (`actor` is a username). */
export interface TransitionRecordRow {
  seq: number;
  event: string;
  from: string | null;
  to: string | null;
  actor: string | null;
  actorId: string | null;
  detail: Record<string, unknown> | null;
  at: Date;
}

/** One comment on a ticket, from an action's transition or a comment of its own. */
export interface TicketComment {
  seq: number;
  at: Date;
  text: string;
  visibility: 'internal' | 'public';
  /** The author's username; null when the reader may not see staff names. */
  by: string | null;
  /** True when someone other than the requester wrote it. */
  fromStaff: boolean;
  /** The step it was written at, by node id. */
  step: string | null;
}

/** What a requester sees of one transition: which step, when — no people, no conditions, no internal notes. */
export interface RequesterTimelineEntry {
  seq: number;
  event: string;
  from: string | null;
  to: string | null;
  fromName?: string;
  toName?: string;
  at: Date;
  actor?: string;
  comment?: string;
  /** A public file added to the ticket (issue 21). */
  attachment?: { id: string; name: string };
}

function visibilityOf(detail: Record<string, unknown> | null): 'internal' | 'public' {
  return detail?.visibility === 'public' ? 'public' : 'internal';
}

/**
 * The comments of a ticket in order. For the requester (`requesterView`) only
 * public ones and their own, without staff names. Pure.
 */
export function ticketComments(
  rows: TransitionRecordRow[],
  requesterId: string,
  requesterView: boolean,
): TicketComment[] {
  const comments: TicketComment[] = [];
  for (const row of rows) {
    const text = row.detail?.comment;
    if (typeof text !== 'string' || text === '') continue;
    const fromStaff = row.actorId !== requesterId;
    const visibility = fromStaff ? visibilityOf(row.detail) : 'public';
    if (requesterView && visibility !== 'public') continue;
    comments.push({
      seq: row.seq,
      at: row.at,
      text,
      visibility,
      by: requesterView && fromStaff ? null : row.actor,
      fromStaff,
      step: row.from ?? row.to,
    });
  }
  return comments;
}

/**
 * The requester's timeline: the steps the ticket entered and left, with their
 * names and times, and public comments. Staff names, branch conditions and
 * their values, field changes and internal comments are left out. Pure.
 */
export function requesterTimeline(
  rows: TransitionRecordRow[],
  requesterId: string,
  nodeNames: ReadonlyMap<string, string>,
): RequesterTimelineEntry[] {
  const entries: RequesterTimelineEntry[] = [];
  for (const row of rows) {
    const text = row.detail?.comment;
    const ownComment = row.actorId === requesterId;
    const publicComment =
      typeof text === 'string' && text !== '' && (ownComment || visibilityOf(row.detail) === 'public')
        ? text
        : undefined;
    const file = publicAttachment(row);
    if (row.from === null && row.to === null && publicComment === undefined && !file) continue;
    const fromName = row.from === null ? undefined : nodeNames.get(row.from);
    const toName = row.to === null ? undefined : nodeNames.get(row.to);
    entries.push({
      seq: row.seq,
      event: row.event === 'auto' ? 'auto' : row.event,
      from: row.from,
      to: row.to,
      at: row.at,
      ...(fromName ? { fromName } : {}),
      ...(toName ? { toName } : {}),
      ...(ownComment && row.actor ? { actor: row.actor } : {}),
      ...(publicComment ? { comment: publicComment } : {}),
      ...(file ? { attachment: file } : {}),
    });
  }
  return entries;
}

/** The file of a public attachment entry, for the requester's timeline. Pure. */
function publicAttachment(row: TransitionRecordRow): { id: string; name: string } | undefined {
  const file = row.detail?.kind === 'attachment' ? row.detail.attachment : undefined;
  if (row.detail?.visibility !== 'public' || typeof file !== 'object' || file === null) return undefined;
  const { id, name } = file as { id?: unknown; name?: unknown };
  return typeof id === 'string' && typeof name === 'string' ? { id, name } : undefined;
}
