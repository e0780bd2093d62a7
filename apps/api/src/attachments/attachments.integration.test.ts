import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PNG_BYTES, uploadFile } from '../../test/attachment-helpers.js';
import { startTestApp, testConfig, type TestApp } from '../../test/test-app.js';
import { ticketClient } from '../../test/ticket-helpers.js';
import { AttachmentsService } from './attachments.service.js';

const MAX_BYTES = 4096;

describe('attachments: files on tickets, checked by content and read under the ticket’s authorization', () => {
  let t: TestApp;
  let client: ReturnType<typeof ticketClient>;
  beforeAll(async () => {
    const config = testConfig('/tmp', undefined).attachments;
    t = await startTestApp({ attachments: { ...config, maxBytes: MAX_BYTES } });
    client = ticketClient(t);
  });
  afterAll(async () => t?.close());

  const refund = (username = 'requester', amount = 300) =>
    client.createTicket(username, {
      workflowKey: 'refund-approval',
      title: 'Refund order 1042',
      fields: { refundAmount: amount, channel: 'web' },
    });
  const list = async (username: string, ticketId: string) =>
    t.http.get(`/api/tickets/${ticketId}/attachments`).set(await client.auth(username));
  const download = async (username: string, id: string) =>
    t.http
      .get(`/api/attachments/${id}/content`)
      .set(await client.auth(username))
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });

  it('keeps the requester’s receipt as a public file, type from its bytes, and serves it as a download', async () => {
    const ticket = await refund();
    const response = await uploadFile(t, await client.auth('requester'), ticket.id, {
      name: '收据 1042.png',
      bytes: PNG_BYTES,
      type: 'application/pdf',
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      name: '收据 1042.png',
      contentType: 'image/png',
      size: PNG_BYTES.length,
      visibility: 'public',
      uploadedBy: 'requester',
    });
    const file = await download('agent', response.body.id);
    expect(file.status).toBe(200);
    expect(Buffer.compare(file.body as Buffer, PNG_BYTES)).toBe(0);
    expect(file.headers['content-type']).toBe('image/png');
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(file.headers['content-disposition']).toBe(
      `attachment; filename="__ 1042.png"; filename*=UTF-8''%E6%94%B6%E6%8D%AE%201042.png`,
    );
    const timeline = await client.transitions('agent', ticket.id);
    expect(timeline.at(-1)).toMatchObject({ event: 'attachment', actor: 'requester' });
  });

  it('shows the approver the ticket’s files on the inbox card', async () => {
    const ticket = await refund();
    await uploadFile(t, await client.auth('requester'), ticket.id, { name: 'receipt.png', bytes: PNG_BYTES });
    const card = (await client.inbox('agent')).find((task) => task.ticketId === ticket.id) as unknown as {
      attachments: { name: string; contentType: string }[];
    };
    expect(card.attachments).toEqual([
      expect.objectContaining({ name: 'receipt.png', contentType: 'image/png' }),
    ]);
  });

  it('keeps staff files internal by default: the requester neither lists, downloads nor sees them on the timeline', async () => {
    const ticket = await refund();
    const internal = await uploadFile(t, await client.auth('agent'), ticket.id, {
      name: 'fraud-check.txt',
      bytes: Buffer.from('internal note'),
    });
    expect(internal.status).toBe(201);
    expect(internal.body.visibility).toBe('internal');
    const shared = await uploadFile(
      t,
      await client.auth('agent'),
      ticket.id,
      { name: 'label.txt', bytes: Buffer.from('return label') },
      { visibility: 'public' },
    );
    const seen = await list('requester', ticket.id);
    expect(seen.body.map((file: { name: string }) => file.name)).toEqual(['label.txt']);
    expect(seen.body[0].uploadedBy).toBeNull();
    expect((await download('requester', internal.body.id)).status).toBe(404);
    expect((await download('requester', shared.body.id)).status).toBe(200);
    const timeline = (await client.transitions('requester', ticket.id)) as {
      attachment?: { name: string };
    }[];
    expect(timeline.flatMap((entry) => (entry.attachment ? [entry.attachment.name] : []))).toEqual([
      'label.txt',
    ]);
    expect((await list('agent', ticket.id)).body).toHaveLength(2);
  });

  it('answers 404 to a requester reaching for another ticket’s files: list, download and upload', async () => {
    const theirs = await refund('admin');
    const file = await uploadFile(
      t,
      await client.auth('admin'),
      theirs.id,
      { name: 'public.png', bytes: PNG_BYTES },
      { visibility: 'public' },
    );
    expect(file.status).toBe(201);
    expect((await list('requester', theirs.id)).status).toBe(404);
    const stolen = await download('requester', file.body.id);
    expect(stolen.status).toBe(404);
    expect(stolen.body.toString()).not.toContain('PNG');
    const planted = await uploadFile(t, await client.auth('requester'), theirs.id, {
      name: 'x.png',
      bytes: PNG_BYTES,
    });
    expect(planted.status).toBe(404);
    expect((await download('requester', 'not-a-uuid')).status).toBe(404);
  });

  it('refuses a file whose bytes are not what its name claims, writing nothing', async () => {
    const ticket = await refund();
    const before = await client.transitions('admin', ticket.id);
    const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(64, 1)]);
    const response = await uploadFile(t, await client.auth('requester'), ticket.id, {
      name: 'receipt.png',
      bytes: elf,
      type: 'image/png',
    });
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ code: 'attachment-type-not-allowed' });
    expect(response.body.message).toContain('receipt.png');
    const html = await uploadFile(t, await client.auth('requester'), ticket.id, {
      name: 'receipt.png',
      bytes: Buffer.from([0xff, 0xfe, 0x00, 0x3c, 0x00]),
    });
    expect(html.status).toBe(422);
    expect((await list('admin', ticket.id)).body).toEqual([]);
    expect(await client.transitions('admin', ticket.id)).toHaveLength(before.length);
  });

  it('refuses a file over the size limit with 413 naming the limit', async () => {
    const ticket = await refund();
    const response = await uploadFile(t, await client.auth('requester'), ticket.id, {
      name: 'big.txt',
      bytes: Buffer.alloc(MAX_BYTES + 1, 'a'),
    });
    expect(response.status).toBe(413);
    expect(response.body).toMatchObject({ code: 'attachment-too-large' });
    expect(response.body.message).toContain(String(MAX_BYTES));
    expect((await list('admin', ticket.id)).body).toEqual([]);
  });

  it('strips path parts from names that try to climb out, and refuses names that leave nothing', async () => {
    const ticket = await refund();
    const auth = await client.auth('requester');
    const climbing = await uploadFile(t, auth, ticket.id, {
      name: '../../../etc/passwd',
      bytes: Buffer.from('x'),
    });
    expect(climbing.status).toBe(201);
    expect(climbing.body.name).toBe('passwd');
    const windows = await uploadFile(t, auth, ticket.id, {
      name: '..\\..\\boot.ini',
      bytes: Buffer.from('x'),
    });
    expect(windows.body.name).toBe('boot.ini');
    const nothing = await uploadFile(t, auth, ticket.id, { name: '..', bytes: Buffer.from('x') });
    expect(nothing.status).toBe(400);
    expect(nothing.body.code).toBe('attachment-name-invalid');
  });

  it('refuses an upload without a file part, an unknown visibility and a task of another ticket, naming each', async () => {
    const ticket = await refund();
    const other = await refund();
    const auth = await client.auth('agent');
    const json = await t.http.post(`/api/tickets/${ticket.id}/attachments`).set(auth).send({ a: 1 });
    expect(json.status).toBe(400);
    expect(json.body.code).toBe('upload-not-multipart');
    const visibility = await uploadFile(
      t,
      auth,
      ticket.id,
      { name: 'a.txt', bytes: Buffer.from('a') },
      { visibility: 'everyone' },
    );
    expect(visibility.status).toBe(400);
    expect(JSON.stringify(visibility.body)).toContain('visibility');
    const otherTask = await client.taskFor('agent', other.id, 'review');
    const task = await uploadFile(
      t,
      auth,
      ticket.id,
      { name: 'a.txt', bytes: Buffer.from('a') },
      { taskId: otherTask.id },
    );
    expect(task.status).toBe(400);
    expect(task.body.code).toBe('attachment-task-invalid');
  });

  it('blocks completing a step whose form requires a file until one is attached from the step', async () => {
    const definition = JSON.parse(
      readFileSync(new URL('../../../../workflows/refund-approval.json', import.meta.url), 'utf8'),
    ) as { key: string; name: string; nodes: { id: string; form?: Record<string, unknown> }[] };
    definition.key = 'refund-with-receipt';
    definition.name = 'Refund with receipt';
    const review = definition.nodes.find((node) => node.id === 'review')!;
    review.form = { ...review.form, attachments: { required: true, note: 'Receipt required' } };
    await client.publish(definition);
    const ticket = await client.createTicket('requester', {
      workflowKey: 'refund-with-receipt',
      title: 'Refund without receipt',
      fields: { refundAmount: 300, channel: 'web' },
    });
    const task = await client.taskFor('agent', ticket.id, 'review');
    const refused = await client.act('agent', task.id, 'complete');
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'attachment-required' });
    expect(refused.body.message).toContain('Receipt required');
    const attached = await uploadFile(
      t,
      await client.auth('agent'),
      ticket.id,
      { name: 'receipt.png', bytes: PNG_BYTES },
      { taskId: task.id },
    );
    expect(attached.body).toMatchObject({ step: 'review' });
    expect((await client.act('agent', task.id, 'complete')).status).toBe(200);
  });

  it('stores a file from another module once per source key (the service the mail intake uses)', async () => {
    const ticket = await refund();
    const service = t.app.get(AttachmentsService);
    const input = {
      name: 'reply.txt',
      bytes: Buffer.from('from e-mail'),
      visibility: 'public' as const,
      actor: null,
      source: 'email' as const,
      sourceKey: `email:${ticket.id}:1`,
    };
    const first = await service.store(ticket.id, input);
    const again = await service.store(ticket.id, input);
    expect(again.id).toBe(first.id);
    expect((await list('agent', ticket.id)).body).toEqual([
      expect.objectContaining({ source: 'email', uploadedBy: null }),
    ]);
  });

  it('takes no new files on a closed ticket', async () => {
    const ticket = await refund();
    await t.http
      .post(`/api/tickets/${ticket.id}/cancel`)
      .set(await client.auth('requester'))
      .send({ reason: 'no longer needed' })
      .expect(200);
    const response = await uploadFile(t, await client.auth('requester'), ticket.id, {
      name: 'late.png',
      bytes: PNG_BYTES,
    });
    expect(response.status).toBe(409);
    expect(response.body.code).toBe('ticket-closed');
  });
});
