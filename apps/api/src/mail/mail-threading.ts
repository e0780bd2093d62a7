/** The prefix of ticket references in subjects: `[TF-123]`. */
export const TICKET_REFERENCE_PREFIX = 'TF';

const REFERENCE_IN_SUBJECT = /\[TF-(\d{1,12})\]/i;
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const OUR_ID = new RegExp(`^<?(ticket|n)-(${UUID})@([^>\\s]+)>?$`, 'i');

/** The domain our Message-IDs use: the part after `@` in MAIL_FROM (`no-reply@acme.test` → `acme.test`). Pure. */
export function messageIdDomain(from: string): string {
  const match = /@([^\s>]+)>?\s*$/.exec(from);
  return (match?.[1] ?? 'ticketflow.local').toLowerCase();
}

/** The thread root of a ticket: every notification about it refers to this id, so mail clients group them. Pure. */
export function ticketMessageId(ticketId: string, domain: string): string {
  return `<ticket-${ticketId}@${domain}>`;
}

/** The Message-ID of one notification e-mail. Pure. */
export function notificationMessageId(notificationId: string, domain: string): string {
  return `<n-${notificationId}@${domain}>`;
}

/** A subject that quotes the ticket: `[TF-123] title` (not twice). Pure. */
export function subjectWithReference(number: number, subject: string): string {
  const reference = `[${TICKET_REFERENCE_PREFIX}-${number}]`;
  return subject.includes(reference) ? subject : `${reference} ${subject}`;
}

/** What an inbound e-mail says it answers: a ticket number from its subject, and our ids from its headers. */
export interface ThreadReference {
  ticketNumber?: number;
  /** Tickets whose root id appears in In-Reply-To / References. */
  ticketIds: string[];
  /** Notifications whose Message-ID appears there. */
  notificationIds: string[];
}

/**
 * Reads the ticket an e-mail replies to: `[TF-123]` in the subject, and our
 * own Message-IDs (`<ticket-…@domain>`, `<n-…@domain>`) in In-Reply-To and
 * References — only those of our domain count. Pure.
 */
export function readThreadReference(subject: string, headerIds: string[], domain: string): ThreadReference {
  const reference: ThreadReference = { ticketIds: [], notificationIds: [] };
  const number = REFERENCE_IN_SUBJECT.exec(subject)?.[1];
  if (number !== undefined) reference.ticketNumber = Number(number);
  for (const raw of headerIds.slice(0, 100)) {
    const match = OUR_ID.exec(raw.trim());
    if (!match || (match[3] as string).toLowerCase() !== domain) continue;
    const id = (match[2] as string).toLowerCase();
    const list =
      (match[1] as string).toLowerCase() === 'ticket' ? reference.ticketIds : reference.notificationIds;
    if (!list.includes(id)) list.push(id);
  }
  return reference;
}
