import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PNG_BYTES, uploadFile } from '../../test/attachment-helpers.js';
import { LocalReceiver } from '../../test/local-receiver.js';
import { pdfText } from '../../test/pdf-text.js';
import { eventually } from '../../test/shared-database.js';
import { startTestApp, testConfig, type TestApp } from '../../test/test-app.js';
import { ticketClient } from '../../test/ticket-helpers.js';

/** A small flow: an engineer reports, the quality lead approves, a PDF is archived and sent on. */
function qualityFlow(sendUrl: string) {
  return {
    schemaVersion: 1,
    key: 'quality-report',
    name: 'Quality report',
    'x-i18n': {
      'zh-CN': {
        name: '质检报告',
        nodes: { inspect: '质检', approve: '质检主管审批' },
        fields: { batch: '批次', result: '质检结论' },
      },
    },
    fields: [
      { name: 'batch', type: 'string', label: 'Batch', required: true },
      { name: 'result', type: 'text', label: 'Result' },
    ],
    nodes: [
      { id: 'start', type: 'start' },
      {
        id: 'inspect',
        type: 'task',
        name: 'Inspect',
        assignee: { role: 'agent' },
        form: { fields: [{ field: 'result', mode: 'edit', required: true }] },
      },
      { id: 'approve', type: 'approval', name: 'Quality lead approval', approvers: { role: 'manager' } },
      {
        id: 'archive',
        type: 'action',
        action: {
          type: 'document',
          title: '质检报告 Quality report #{{ticket.number}}',
          fileName: 'quality-{{fields.batch}}',
          language: 'zh-CN',
          intro: '批次 {{fields.batch}} 的质检记录。',
          send: { url: sendUrl, method: 'PUT', headers: { 'X-Archive': 'quality' } },
        },
      },
      { id: 'done', type: 'end', outcome: 'resolved' },
      { id: 'rejected', type: 'end', outcome: 'rejected' },
    ],
    edges: [
      { id: 'e1', source: 'start', target: 'inspect' },
      { id: 'e2', source: 'inspect', target: 'approve', on: 'completed' },
      { id: 'e3', source: 'approve', target: 'archive', on: 'approved' },
      { id: 'e4', source: 'approve', target: 'rejected', on: 'rejected' },
      { id: 'e5', source: 'archive', target: 'done', on: 'ok' },
      { id: 'e6', source: 'archive', target: 'rejected', on: 'failed' },
    ],
  };
}

describe('document actions: a PDF of the ticket, archived as an attachment and sent on', () => {
  let t: TestApp;
  let client: ReturnType<typeof ticketClient>;
  const receiver = new LocalReceiver();
  beforeAll(async () => {
    await receiver.start();
    const base = testConfig('/tmp', undefined);
    t = await startTestApp({
      workers: {
        ...base.workers,
        pollMs: 50,
        outboxBackoffMs: 40,
        httpAllowPrivateHosts: ['127.0.0.1'],
        httpAllowedHosts: ['127.0.0.1'],
      },
    });
    client = ticketClient(t);
    await client.publish(qualityFlow(`${receiver.origin}/archive/{{ticket.number}}`));
  });
  afterAll(async () => {
    await t?.close();
    await receiver.stop();
  });

  const finished = (id: string) =>
    eventually(
      async () => {
        const view = await client.ticket('admin', id);
        return view.status !== 'active' ? view : undefined;
      },
      20_000,
      'the document action to settle',
    );

  it('renders fields, the path, approvals with who and when, and the files — Chinese included — into a valid PDF', async () => {
    const ticket = await client.createTicket('requester', {
      workflowKey: 'quality-report',
      title: '轴承批次质检',
      fields: { batch: 'B-2026-42' },
    });
    await uploadFile(t, await client.auth('requester'), ticket.id, {
      name: '现场照片.png',
      bytes: PNG_BYTES,
    });
    const inspect = await client.taskFor('agent', ticket.id, 'inspect');
    expect(
      (await client.act('agent', inspect.id, 'complete', { fields: { result: '合格，无划痕' } })).status,
    ).toBe(200);
    const approval = await client.taskFor('manager', ticket.id, 'approve');
    expect((await client.act('manager', approval.id, 'approve', { comment: '同意归档' })).status).toBe(200);
    expect(await finished(ticket.id)).toMatchObject({ status: 'completed', outcome: 'resolved' });

    const files = (
      await t.http
        .get(`/api/tickets/${ticket.id}/attachments`)
        .set(await client.auth('agent'))
        .expect(200)
    ).body as {
      id: string;
      name: string;
      contentType: string;
      source: string;
      visibility: string;
      uploadedBy: string | null;
    }[];
    const pdf = files.find((file) => file.source === 'document');
    expect(pdf).toMatchObject({
      name: 'quality-B-2026-42.pdf',
      contentType: 'application/pdf',
      visibility: 'internal',
      uploadedBy: null,
    });
    const download = await t.http
      .get(`/api/attachments/${pdf!.id}/content`)
      .set(await client.auth('agent'))
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const bytes = download.body as Buffer;
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const { text, title } = await pdfText(bytes);
    const number = (await client.ticket('admin', ticket.id)) as unknown as { number: number };
    expect(title).toBe(`质检报告 Quality report #${number.number}`);
    for (const expected of [
      `质检报告 Quality report #${number.number}`,
      '批次 B-2026-42 的质检记录。',
      '工单字段',
      '批次',
      'B-2026-42',
      '合格，无划痕',
      '处理路径',
      '质检主管审批',
      '审批记录',
      'Mia Manager',
      '同意',
      '同意归档',
      '附件',
      '现场照片.png',
    ])
      expect(text).toContain(expected);
    expect(text).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/);

    const sent = receiver.calls.find((call) => call.path === `/archive/${number.number}`);
    expect(sent).toMatchObject({ method: 'PUT', idempotencyKey: expect.any(String) });
    expect(sent!.headers['content-type']).toBe('application/pdf');
    expect(sent!.headers['x-archive']).toBe('quality');
    expect(sent!.body.startsWith('%PDF-')).toBe(true);

    const timeline = await client.transitions('agent', ticket.id);
    expect(timeline.some((entry) => entry.event === 'attachment' && entry.actor === undefined)).toBe(true);
  });

  it('keeps the archived document from the requester (internal by default)', async () => {
    const ticket = await client.createTicket('requester', {
      workflowKey: 'quality-report',
      title: 'Batch 7',
      fields: { batch: 'B-7' },
    });
    await client.act('agent', (await client.taskFor('agent', ticket.id, 'inspect')).id, 'complete', {
      fields: { result: 'ok' },
    });
    await client.act('manager', (await client.taskFor('manager', ticket.id, 'approve')).id, 'approve');
    await finished(ticket.id);
    const staff = (
      await t.http
        .get(`/api/tickets/${ticket.id}/attachments`)
        .set(await client.auth('admin'))
        .expect(200)
    ).body;
    expect(staff).toHaveLength(1);
    const requester = (
      await t.http
        .get(`/api/tickets/${ticket.id}/attachments`)
        .set(await client.auth('requester'))
        .expect(200)
    ).body;
    expect(requester).toEqual([]);
  });
});
