import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/app-config.js';
import { LocalReceiver } from '../../test/local-receiver.js';
import { eventually } from '../../test/shared-database.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { ticketClient } from '../../test/ticket-helpers.js';

const callFlow = (key: string, url: string, withFailedEdge: boolean) => ({
  schemaVersion: 1,
  key,
  name: `Call ${key}`,
  fields: [
    { name: 'amount', type: 'number' },
    { name: 'trackingNo', type: 'string' },
  ],
  nodes: [
    { id: 'start', type: 'start' },
    {
      id: 'call',
      type: 'action',
      name: 'Book courier',
      action: {
        type: 'http',
        method: 'POST',
        url,
        body: { ticket: '{{ticket.id}}', amount: '{{fields.amount}}' },
        responseMapping: { trackingNo: 'label.number' },
      },
    },
    { id: 'done', type: 'end', outcome: 'resolved' },
    ...(withFailedEdge ? [{ id: 'gave-up', type: 'end', outcome: 'courier-failed' }] : []),
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'call' },
    { id: 'e2', source: 'call', target: 'done', on: 'ok' },
    ...(withFailedEdge ? [{ id: 'e3', source: 'call', target: 'gave-up', on: 'failed' }] : []),
  ],
});

describe('HTTP actions through the transactional outbox', () => {
  let t: TestApp;
  let client: ReturnType<typeof ticketClient>;
  const receiver = new LocalReceiver();
  beforeAll(async () => {
    await receiver.start();
    const workers = {
      ...loadConfig({}).workers,
      pollMs: 50,
      outboxBackoffMs: 40,
      outboxMaxAttempts: 3,
      httpAllowPrivateHosts: ['127.0.0.1'],
    };
    t = await startTestApp({ workers });
    client = ticketClient(t);
  });
  afterAll(async () => {
    await t?.close();
    await receiver.stop();
  });
  beforeEach(() => {
    receiver.calls.length = 0;
    receiver.processed.clear();
  });

  const settled = (id: string) =>
    eventually(
      async () => {
        const view = await client.ticket('admin', id);
        return view.status !== 'active' ? view : undefined;
      },
      15_000,
      'the action to settle',
    );

  it('delivers an action that fails twice once, by its idempotency key, maps the response and continues', async () => {
    receiver.respond = (_call, attempt) =>
      attempt <= 2
        ? { status: 500, body: { error: 'busy' } }
        : { status: 201, body: { label: { number: 'SF-1042' } } };
    const ticket = await client.publishAndCreate(
      callFlow('courier-flaky', `${receiver.origin}/flaky/{{ticket.id}}`, true),
      { title: 'Ship it', fields: { amount: 6200 } },
    );
    const done = await settled(ticket.id);
    expect(done).toMatchObject({ status: 'completed', outcome: 'resolved' });
    expect(done.fields.trackingNo).toBe('SF-1042');
    expect(receiver.calls).toHaveLength(3);
    const keys = new Set(receiver.calls.map((call) => call.idempotencyKey));
    expect(keys.size).toBe(1);
    const [instance] = (await t.db.dataSource.query('SELECT id FROM instances WHERE ticket_id = $1', [
      ticket.id,
    ])) as { id: string }[];
    expect([...keys][0]).toBe(`${instance?.id}:call#1:call`);
    expect(receiver.processed.get(`${instance?.id}:call#1:call`)).toBe(1);
    expect(receiver.calls[0]?.path).toBe(`/flaky/${ticket.id}`);
    expect(JSON.parse(receiver.calls[0]?.body ?? '{}')).toEqual({ ticket: ticket.id, amount: 6200 });
    const [row] = (await t.db.dataSource.query('SELECT status, attempts FROM outbox WHERE instance_id = $1', [
      instance?.id,
    ])) as { status: string; attempts: number }[];
    expect(row).toEqual({ status: 'done', attempts: 3 });
  });

  it('follows the failed edge after the last attempt', async () => {
    receiver.respond = () => ({ status: 503 });
    const ticket = await client.publishAndCreate(callFlow('courier-down', `${receiver.origin}/down`, true), {
      title: 'Down',
      fields: { amount: 1 },
    });
    expect(await settled(ticket.id)).toMatchObject({ status: 'completed', outcome: 'courier-failed' });
    expect(receiver.calls).toHaveLength(3);
  });

  it('raises an incident without a failed edge; an admin retries it after the fix and the flow continues', async () => {
    let fixed = false;
    receiver.respond = () =>
      fixed ? { status: 200, body: { label: { number: 'SF-7' } } } : { status: 500, body: { error: 'bug' } };
    const ticket = await client.publishAndCreate(
      callFlow('courier-broken', `${receiver.origin}/broken`, false),
      { title: 'Broken', fields: { amount: 2 } },
    );
    expect(await settled(ticket.id)).toMatchObject({ status: 'incident' });
    const admin = await client.auth('admin');
    const incidents = (await t.http.get('/api/incidents').set(admin).expect(200)).body as {
      id: string;
      ticketId: string;
      code: string;
      retryable: boolean;
      action: { attempts: number; lastStatus: number };
    }[];
    const incident = incidents.find((entry) => entry.ticketId === ticket.id);
    expect(incident).toMatchObject({
      code: 'action-failed',
      retryable: true,
      action: { attempts: 3, lastStatus: 500 },
    });
    expect((await t.http.get('/api/incidents').set(await client.auth('agent'))).status).toBe(403);

    fixed = true;
    const retried = await t.http.post(`/api/incidents/${incident?.id}/retry`).set(admin).send();
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ status: 'resolved', resolvedBy: 'admin' });
    const done = await settled(ticket.id);
    expect(done).toMatchObject({ status: 'completed', outcome: 'resolved', fields: { trackingNo: 'SF-7' } });
    expect(new Set(receiver.calls.map((call) => call.idempotencyKey)).size).toBe(1);
    expect((await t.http.post(`/api/incidents/${incident?.id}/retry`).set(admin).send()).status).toBe(409);
    const events = (await client.transitions('admin', ticket.id)).map((tr) => tr.event);
    expect(events).toEqual(expect.arrayContaining(['incident', 'action.retry', 'action.result']));
  });

  it('performs a notify action as in-app notifications the recipient reads', async () => {
    await client.publish({
      schemaVersion: 1,
      key: 'notify-requester',
      name: 'Notify',
      fields: [{ name: 'amount', type: 'number' }],
      nodes: [
        { id: 'start', type: 'start' },
        {
          id: 'tell',
          type: 'action',
          action: {
            type: 'notify',
            to: { requester: true },
            template: 'Refund of {{fields.amount}} approved',
          },
        },
        { id: 'done', type: 'end', outcome: 'resolved' },
      ],
      edges: [
        { id: 'e1', source: 'start', target: 'tell' },
        { id: 'e2', source: 'tell', target: 'done', on: 'ok' },
      ],
    });
    const requester = await client.auth('requester');
    const before = (await t.http.get('/api/notifications/unread-count').set(requester).expect(200)).body
      .count as number;
    const ticket = await client.createTicket('requester', {
      workflowKey: 'notify-requester',
      title: 'Tell me',
      fields: { amount: 300 },
    });
    expect(await settled(ticket.id)).toMatchObject({ status: 'completed', outcome: 'resolved' });
    const list = (await t.http.get('/api/notifications?unread=true').set(requester).expect(200)).body as {
      id: string;
      ticketId: string;
      title: string;
    }[];
    const mine = list.find((entry) => entry.ticketId === ticket.id && entry.title.startsWith('Refund of'));
    expect(mine?.title).toBe('Refund of 300 approved');
    // The action's notification, and the one every requester gets when their ticket is resolved (issue 16).
    expect(
      list
        .filter((entry) => entry.ticketId === ticket.id)
        .map((entry) => entry.title)
        .sort(),
    ).toEqual(['Refund of 300 approved', expect.stringMatching(/was resolved$/)]);
    // (Other tickets of this file may resolve meanwhile and notify too.)
    const unread = (await t.http.get('/api/notifications/unread-count').set(requester).expect(200)).body
      .count as number;
    expect(unread).toBeGreaterThanOrEqual(before + 2);
    expect(
      (
        await t.http
          .post(`/api/notifications/${mine?.id}/read`)
          .set(await client.auth('agent'))
          .send()
      ).status,
    ).toBe(404);
    expect(
      (await t.http.post(`/api/notifications/${mine?.id}/read`).set(requester).send()).body.readAt,
    ).toBeTruthy();
    expect((await t.http.get('/api/notifications/unread-count').set(requester).expect(200)).body.count).toBe(
      unread - 1,
    );
  });
});
