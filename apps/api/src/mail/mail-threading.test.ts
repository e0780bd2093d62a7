import { describe, expect, it } from 'vitest';
import {
  messageIdDomain,
  notificationMessageId,
  readThreadReference,
  subjectWithReference,
  ticketMessageId,
} from './mail-threading.js';
import { notificationMail } from './notification-mail.js';

const TICKET = '0b5e7a58-6f7c-4d7e-9c51-3b1f8f4c2a10';
const NOTE = '9a1c2d3e-4f50-4a6b-8c7d-0e1f2a3b4c5d';

describe('mail threading', () => {
  it('takes the Message-ID domain from MAIL_FROM', () => {
    expect(messageIdDomain('Acme support <Support@Acme.TEST>')).toBe('acme.test');
    expect(messageIdDomain('no-reply@tickets.example.com')).toBe('tickets.example.com');
  });

  it('quotes the ticket in the subject once', () => {
    expect(subjectWithReference(42, 'New reply')).toBe('[TF-42] New reply');
    expect(subjectWithReference(42, '[TF-42] New reply')).toBe('[TF-42] New reply');
  });

  it("reads a reply's ticket from our ids in its headers and from [TF-n] in its subject, ignoring other domains", () => {
    const reference = readThreadReference(
      'RE: [tf-42] New reply',
      [
        ticketMessageId(TICKET, 'acme.test'),
        notificationMessageId(NOTE, 'acme.test'),
        `<ticket-${NOTE}@evil.test>`,
        '<CAF123@mail.gmail.com>',
      ],
      'acme.test',
    );
    expect(reference).toEqual({ ticketNumber: 42, ticketIds: [TICKET], notificationIds: [NOTE] });
    expect(readThreadReference('Hello', [], 'acme.test')).toEqual({ ticketIds: [], notificationIds: [] });
  });

  it('builds a notification e-mail that threads under its ticket and carries five rating links', () => {
    const links = [1, 2, 3, 4, 5].map((rating) => `https://t.test/rate?token=x&rating=${rating}`);
    const mail = notificationMail(
      {
        id: NOTE,
        title: 'Your request #42 Refund was resolved',
        body: '',
        ticketId: TICKET,
        ticketNumber: 42,
        replyTo: 'support@acme.test',
        ratingLinks: links,
      },
      'acme.test',
    );
    expect(mail).toMatchObject({
      subject: '[TF-42] Your request #42 Refund was resolved',
      messageId: `<n-${NOTE}@acme.test>`,
      references: `<ticket-${TICKET}@acme.test>`,
      inReplyTo: `<ticket-${TICKET}@acme.test>`,
      replyTo: 'support@acme.test',
    });
    expect(mail.text).toContain('5 ★★★★★  https://t.test/rate?token=x&rating=5');
    expect(mail.text).toContain('reply to this e-mail');
    const plain = notificationMail(
      { id: NOTE, title: 'Hello', body: 'Text', ticketId: null, ticketNumber: null, replyTo: null },
      'acme.test',
    );
    expect(plain).toEqual({
      subject: 'Hello',
      text: 'Hello\n\nText\n\n— Ticketflow (open the app to reply)',
      messageId: `<n-${NOTE}@acme.test>`,
    });
  });
});
