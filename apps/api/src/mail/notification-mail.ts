import { notificationMessageId, subjectWithReference, ticketMessageId } from './mail-threading.js';

/** A notification row with what its e-mail needs about the ticket. */
export interface NotificationMailInput {
  id: string;
  title: string;
  body: string;
  ticketId: string | null;
  ticketNumber: number | null;
  /** The inbound channel address the ticket came in on: replies go there. */
  replyTo: string | null;
  /** One-click rating links (1–5) when the requester is asked how it went. */
  ratingLinks?: string[];
}

/** The e-mail of a notification: subject, text and threading headers. */
export interface NotificationMail {
  subject: string;
  text: string;
  messageId: string;
  references?: string;
  inReplyTo?: string;
  replyTo?: string;
}

/**
 * Builds a notification's e-mail: the subject quotes the ticket (`[TF-123]`),
 * the Message-ID names the notification, and In-Reply-To / References point
 * at the ticket's thread root, so mail clients thread every message about a
 * ticket and a reply finds its way back (see MailIntakeService). Pure.
 */
export function notificationMail(input: NotificationMailInput, domain: string): NotificationMail {
  const lines = [input.title, ''];
  if (input.body !== '') lines.push(input.body, '');
  if (input.ratingLinks && input.ratingLinks.length === 5) {
    lines.push('How did we do? One click rates it from 1 (poor) to 5 (excellent):');
    lines.push('我们做得怎么样？点击评分，1（差）到 5（很好）：');
    input.ratingLinks.forEach((link, index) =>
      lines.push(`  ${index + 1} ${'★'.repeat(index + 1)}  ${link}`),
    );
    lines.push('');
  }
  lines.push(
    input.replyTo
      ? '— Ticketflow (reply to this e-mail to add a comment)'
      : '— Ticketflow (open the app to reply)',
  );
  const mail: NotificationMail = {
    subject:
      input.ticketNumber === null ? input.title : subjectWithReference(input.ticketNumber, input.title),
    text: lines.join('\n'),
    messageId: notificationMessageId(input.id, domain),
  };
  if (input.ticketId) {
    const root = ticketMessageId(input.ticketId, domain);
    mail.references = root;
    mail.inReplyTo = root;
  }
  if (input.replyTo) mail.replyTo = input.replyTo;
  return mail;
}
