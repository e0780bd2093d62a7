import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/app-config.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { bodyOf, headerOf, sendMail, startSmtpSink, until } from '../../test/mail-servers.js';
import { SmtpReceiver } from './smtp-receiver.js';

const SUPPORT = 'support@acme.test';

describe('e-mail in and out through local mail servers', () => {
  let t: TestApp;
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  let port: number;
  /** A 1×1 PNG: the attachments feature decides the type by these bytes. */
  const PNG = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
    'base64',
  );
  const filesOf = async (ticketId: string, as = 'agent') =>
    (
      await t.http
        .get(`/api/tickets/${ticketId}/attachments`)
        .set({ Authorization: `Bearer ${await t.login(as)}` })
        .expect(200)
    ).body as { name: string; contentType: string; visibility: string; source: string; uploadedBy: string }[];
  const admin = async () => ({ Authorization: `Bearer ${await t.login('admin')}` });

  const ticketsOf = async (title: string) =>
    (await t.db.dataSource.query(
      `SELECT t.id, t.number::int AS number, t.title, t.fields, t.channel, u.username AS requester FROM tickets t JOIN users u ON u.id = t.requester_id WHERE t.title = $1`,
      [title],
    )) as {
      id: string;
      number: number;
      title: string;
      fields: Record<string, unknown>;
      channel: string;
      requester: string;
    }[];
  const comments = async (ticketId: string) =>
    (
      await t.http
        .get(`/api/tickets/${ticketId}/comments`)
        .set({ Authorization: `Bearer ${await t.login('agent')}` })
        .expect(200)
    ).body as {
      text: string;
      visibility: string;
      by: string;
    }[];
  const mailFrom = (from: string, subject: string, text: string, extra: Record<string, unknown> = {}) =>
    sendMail(port, { from, to: SUPPORT, subject, text, ...extra });

  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await startTestApp({
      mail: {
        ...loadConfig({}).mail,
        smtpUrl: `smtp://127.0.0.1:${sink.port}`,
        from: `Acme support <${SUPPORT}>`,
        inboundPort: 0,
        inboundHost: '127.0.0.1',
        publicUrl: 'https://tickets.acme.test',
      },
    });
    port = t.app.get(SmtpReceiver).port() as number;
    await t.db.dataSource.query(
      `UPDATE users SET email = username || '@customer.test' WHERE username IN ('requester', 'finance2', 'agent', 'manager')`,
    );
    await t.http
      .post('/api/mail/channels')
      .set(await admin())
      .send({
        address: SUPPORT,
        workflowKey: 'refund-approval',
        titleTemplate: '{{subject}}',
        fieldMappings: [
          { field: 'refundAmount', from: 'body', extract: 'number-after:Amount' },
          { field: 'channel', value: 'email' },
        ],
        allowedDomains: ['customer.test', 'partner.test'],
        maxBytes: 200_000,
      })
      .expect(201);
  });
  afterAll(async () => {
    await t?.close();
    await sink?.close();
  });

  it('turns a new e-mail into a ticket on the channel workflow, fields by the mapping, the sender as requester, attachments kept', async () => {
    const result = await mailFrom(
      'Rita <requester@customer.test>',
      'Refund for the broken kettle',
      'Hello,\nAmount: 1,240.50\nThanks',
      {
        messageId: '<first-1@customer.test>',
        attachments: [
          {
            filename: 'receipt.pdf',
            content: Buffer.from('%PDF-1.4 receipt'),
            contentType: 'application/pdf',
          },
          {
            filename: 'invoice.pdf',
            content: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0)]),
            contentType: 'application/pdf',
          },
        ],
      },
    );
    expect(result.accepted).toBe(true);
    const [ticket] = await ticketsOf('Refund for the broken kettle');
    expect(ticket).toMatchObject({
      channel: 'email',
      requester: 'requester',
      fields: { refundAmount: 1240.5, channel: 'email' },
    });
    expect(result.response).toContain(`TF-${ticket?.number}`);
    // Kept through the attachments feature: public, the sender as uploader; the
    // "PDF" that is a Windows program by its bytes is refused, the e-mail still accepted.
    expect(await filesOf(ticket?.id as string, 'requester')).toEqual([
      expect.objectContaining({
        name: 'receipt.pdf',
        contentType: 'application/pdf',
        visibility: 'public',
        source: 'email',
      }),
    ]);
    const log = (
      await t.http
        .get('/api/mail/messages')
        .set(await admin())
        .expect(200)
    ).body as { status: string; ticketNumber: string; attachments: number }[];
    expect(log[0]).toMatchObject({ status: 'ticket', attachments: 1 });
  });

  it('a second delivery of the same Message-ID is not a second ticket', async () => {
    const again = await mailFrom(
      'Rita <requester@customer.test>',
      'Refund for the broken kettle',
      'Amount: 1,240.50',
      { messageId: '<first-1@customer.test>' },
    );
    expect(again.accepted).toBe(true);
    const tickets = await ticketsOf('Refund for the broken kettle');
    expect(tickets).toHaveLength(1);
    expect(await filesOf(tickets[0]?.id as string)).toHaveLength(1);
  });

  it("sends notifications quoting [TF-n] with threading headers, and the requester's reply becomes a public comment on the ticket", async () => {
    const [ticket] = await ticketsOf('Refund for the broken kettle');
    const id = ticket?.id as string;
    await t.http
      .post(`/api/tickets/${id}/comments`)
      .set({ Authorization: `Bearer ${await t.login('agent')}` })
      .send({ text: 'Could you send a photo of the kettle?', visibility: 'public' })
      .expect(201);
    const notice = await until(() =>
      sink.received.find(
        (mail) =>
          mail.to.includes('requester@customer.test') && bodyOf(mail.data).includes('photo of the kettle'),
      ),
    );
    expect(headerOf(notice.data, 'Subject')).toContain(`[TF-${ticket?.number}]`);
    const messageId = headerOf(notice.data, 'Message-ID') as string;
    expect(messageId).toMatch(/^<n-[0-9a-f-]{36}@acme\.test>$/);
    expect(headerOf(notice.data, 'References')).toBe(`<ticket-${id}@acme.test>`);
    expect(headerOf(notice.data, 'In-Reply-To')).toBe(`<ticket-${id}@acme.test>`);
    expect(headerOf(notice.data, 'Reply-To')).toBe(SUPPORT);

    const reply = await mailFrom(
      'requester@customer.test',
      'Re: a subject without the reference',
      'Here is the photo.\n\nOn Monday, Acme support wrote:\n> Could you send a photo of the kettle?',
      {
        inReplyTo: messageId,
        references: `<ticket-${id}@acme.test> ${messageId}`,
        attachments: [
          {
            filename: '../../kettle.png',
            content: PNG,
            contentType: 'image/png',
          },
        ],
      },
    );
    expect(reply.accepted).toBe(true);
    expect((await comments(id)).at(-1)).toMatchObject({
      text: 'Here is the photo.',
      visibility: 'public',
      by: 'requester',
    });
    expect((await filesOf(id)).map((file) => [file.name, file.contentType, file.uploadedBy])).toContainEqual([
      'kettle.png',
      'image/png',
      'requester',
    ]);
  });

  it('threads a reply by the [TF-n] in its subject alone', async () => {
    const [ticket] = await ticketsOf('Refund for the broken kettle');
    const result = await mailFrom(
      'requester@customer.test',
      `Re: [TF-${ticket?.number}] Refund`,
      'Any news?',
    );
    expect(result.accepted).toBe(true);
    expect((await comments(ticket?.id as string)).at(-1)).toMatchObject({
      text: 'Any news?',
      by: 'requester',
    });
  });

  it("refuses a reply to somebody else's ticket (a known user who may not see it) and one to a ticket that does not exist", async () => {
    const [ticket] = await ticketsOf('Refund for the broken kettle');
    const before = (await comments(ticket?.id as string)).length;
    const foreign = await mailFrom(
      'finance2@customer.test',
      `Re: [TF-${ticket?.number}] Refund`,
      'I approve, send the money to me.',
    );
    expect(foreign).toMatchObject({ accepted: false, code: 550 });
    expect(await comments(ticket?.id as string)).toHaveLength(before);
    const missing = await mailFrom('requester@customer.test', 'Re: [TF-999999] Refund', 'Hello?');
    expect(missing).toMatchObject({ accepted: false, code: 550 });
  });

  it('drops automatic replies without answering them (no mail loop) and records why', async () => {
    const sent = sink.received.length;
    const auto = await mailFrom('requester@customer.test', 'Out of office', 'I am away.', {
      headers: { 'Auto-Submitted': 'auto-replied' },
    });
    expect(auto.accepted).toBe(true);
    const bulk = await mailFrom('requester@customer.test', 'Newsletter', 'Amount: 5', {
      headers: { Precedence: 'bulk' },
    });
    expect(bulk.accepted).toBe(true);
    const bounce = await sendMail(
      port,
      { from: 'requester@customer.test', to: SUPPORT, subject: 'Bounce', text: 'Amount: 5' },
      '',
    );
    expect(bounce.accepted).toBe(true);
    expect(await ticketsOf('Out of office')).toHaveLength(0);
    expect(await ticketsOf('Newsletter')).toHaveLength(0);
    expect(await ticketsOf('Bounce')).toHaveLength(0);
    const ignored = (
      await t.http
        .get('/api/mail/messages?status=ignored')
        .set(await admin())
        .expect(200)
    ).body as { reason: string }[];
    expect(ignored.map((row) => row.reason)).toEqual(
      expect.arrayContaining([
        'Auto-Submitted: auto-replied',
        'Precedence: bulk',
        'a bounce (empty envelope sender)',
      ]),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sink.received.length).toBe(sent);
  });

  it('refuses unknown senders, foreign domains, forged senders, oversized mail and unknown recipients', async () => {
    const stranger = await mailFrom('someone@customer.test', 'Stranger', 'Amount: 5');
    expect(stranger).toMatchObject({ accepted: false, code: 550 });
    expect(stranger.response).toContain('rejects unknown senders');
    const foreign = await mailFrom('requester@elsewhere.test', 'Foreign', 'Amount: 5');
    expect(foreign.response).toContain('domain not allowed');
    const forged = await mailFrom('requester@customer.test', 'Forged', 'Amount: 5', {
      headers: {
        'Authentication-Results':
          'mx.acme.test; spf=fail smtp.mailfrom=customer.test; dkim=none; dmarc=fail header.from=customer.test',
      },
    });
    expect(forged).toMatchObject({ accepted: false, code: 550 });
    expect(forged.response).toContain('DMARC failed');
    const large = await mailFrom('requester@customer.test', 'Large', 'Amount: 5', {
      attachments: [
        { filename: 'big.bin', content: Buffer.alloc(300_000, 7), contentType: 'application/octet-stream' },
      ],
    });
    expect(large).toMatchObject({ accepted: false, code: 550 });
    expect(large.response).toContain('larger than 200000 bytes');
    const nobody = await sendMail(port, {
      from: 'requester@customer.test',
      to: 'nobody@acme.test',
      subject: 'Nobody',
      text: 'Amount: 5',
    });
    expect(nobody).toMatchObject({ accepted: false, code: 550 });
    for (const title of ['Stranger', 'Foreign', 'Forged', 'Large', 'Nobody'])
      expect(await ticketsOf(title)).toHaveLength(0);
  });

  it('opens tickets of unknown senders for the fallback requester when the channel says so', async () => {
    await t.http
      .post('/api/mail/channels')
      .set(await admin())
      .send({
        address: 'Orders@Acme.test',
        workflowKey: 'refund-approval',
        titleTemplate: '{{subject}} ({{from}})',
        fieldMappings: [{ field: 'refundAmount', from: 'body', extract: 'number-after:Amount' }],
        unknownSender: 'fallback',
        fallbackRequester: 'requester',
      })
      .expect(201);
    const unmapped = await sendMail(port, {
      from: 'walk-in@anywhere.test',
      to: 'orders@acme.test',
      subject: 'Broken lamp',
      text: 'It flickers.',
    });
    expect(unmapped).toMatchObject({ accepted: false, code: 550 });
    expect(unmapped.response).toContain('refundAmount');
    const result = await sendMail(port, {
      from: 'walk-in@anywhere.test',
      to: 'orders@acme.test',
      subject: 'Broken lamp',
      text: 'Amount: 12',
    });
    expect(result.accepted).toBe(true);
    expect(await ticketsOf('Broken lamp (walk-in@anywhere.test)')).toEqual([
      expect.objectContaining({ requester: 'requester', fields: { refundAmount: 12 } }),
    ]);
  });

  it('validates channel configuration with 400s naming the field, and lists channels for admins', async () => {
    const bad = await t.http
      .post('/api/mail/channels')
      .set(await admin())
      .send({ address: 'not-an-address', workflowKey: 'refund-approval' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('address');
    const unknown = await t.http
      .post('/api/mail/channels')
      .set(await admin())
      .send({ address: 'x@acme.test', workflowKey: 'no-such-flow' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.code).toBe('unknown-workflow');
    const fallback = await t.http
      .post('/api/mail/channels')
      .set(await admin())
      .send({ address: 'x@acme.test', workflowKey: 'refund-approval', unknownSender: 'fallback' });
    expect(fallback.body.code).toBe('fallback-requester-required');
    const mapping = await t.http
      .post('/api/mail/channels')
      .set(await admin())
      .send({
        address: 'x@acme.test',
        workflowKey: 'refund-approval',
        fieldMappings: [{ field: 'refundAmount', from: 'body', extract: 'regex:(a+)+$' }],
      });
    expect(mapping.body.code).toBe('invalid-field-mappings');
    const list = (
      await t.http
        .get('/api/mail/channels')
        .set(await admin())
        .expect(200)
    ).body as { address: string }[];
    expect(list.map((channel) => channel.address)).toEqual(['orders@acme.test', SUPPORT]);
  });
});
