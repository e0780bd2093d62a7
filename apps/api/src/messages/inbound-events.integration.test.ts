import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/app-config.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { ticketClient } from '../../test/ticket-helpers.js';
import { randomUUID } from 'node:crypto';
import { signWebhook } from '../webhooks/webhook-signature.js';

const SECRET = 'inbound-test-secret-0123456789';
const OLD_SECRET = 'inbound-old-secret-0123456789';

const waitFlow = {
  schemaVersion: 1,
  key: 'await-shipment',
  name: 'Await shipment',
  fields: [
    { name: 'trackingNo', type: 'string' },
    { name: 'weight', type: 'number' },
  ],
  nodes: [
    { id: 'start', type: 'start' },
    { id: 'shipped', type: 'wait', message: 'shipped', timeout: { after: 'PT1H' } },
    { id: 'done', type: 'end', outcome: 'resolved' },
    { id: 'late', type: 'end', outcome: 'timed-out' },
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'shipped' },
    { id: 'e2', source: 'shipped', target: 'done', on: 'received' },
    { id: 'e3', source: 'shipped', target: 'late', on: 'timeout' },
  ],
};

describe('POST /api/tickets/:id/events/:message', () => {
  let t: TestApp;
  let client: ReturnType<typeof ticketClient>;
  beforeAll(async () => {
    t = await startTestApp({ workers: { ...loadConfig({}).workers, webhookSecrets: [SECRET, OLD_SECRET] } });
    client = ticketClient(t);
    await client.publish(waitFlow);
  });
  afterAll(async () => t?.close());

  const waiting = () =>
    client.createTicket('requester', { workflowKey: 'await-shipment', title: 'Parcel', fields: {} });

  it('delivers a message from someone involved to the waiting node, with its fields, once', async () => {
    const ticket = await waiting();
    expect(ticket.activeNodes).toEqual(['shipped']);
    const response = await t.http
      .post(`/api/tickets/${ticket.id}/events/shipped`)
      .set(await client.auth('requester'))
      .send({ fields: { trackingNo: 'SF1', weight: 2.5 } });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      status: 'completed',
      outcome: 'resolved',
      fields: { trackingNo: 'SF1', weight: 2.5 },
    });
    const again = await t.http
      .post(`/api/tickets/${ticket.id}/events/shipped`)
      .set(await client.auth('requester'))
      .send({});
    expect(again.status).toBe(409);
    const [timer] = (await t.db.dataSource.query(
      `SELECT t.status FROM timers t JOIN instances i ON i.id = t.instance_id WHERE i.ticket_id = $1`,
      [ticket.id],
    )) as { status: string }[];
    expect(timer?.status).toBe('cancelled');
  });

  it('answers 409 for a message nothing waits for, and 400 for fields of the wrong type', async () => {
    const ticket = await waiting();
    const requester = await client.auth('requester');
    const unknown = await t.http.post(`/api/tickets/${ticket.id}/events/delivered`).set(requester).send({});
    expect(unknown.status).toBe(409);
    expect(unknown.body.code).toBe('message-not-awaited');
    const bad = await t.http
      .post(`/api/tickets/${ticket.id}/events/shipped`)
      .set(requester)
      .send({ fields: { weight: 'heavy' } });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/weight/);
    expect((await client.ticket('requester', ticket.id)).activeNodes).toEqual(['shipped']);
  });

  const sendSigned = (path: string, body: string, headers: Record<string, string>) =>
    t.http
      .post(path)
      .set({ 'content-type': 'application/json', ...headers })
      .send(body);

  it('accepts another system that signs the call the Standard Webhooks way, and refuses a wrong signature or none', async () => {
    const ticket = await waiting();
    const body = JSON.stringify({ ticketId: ticket.id, message: 'shipped', fields: { trackingNo: 'YT99' } });
    const path = `/api/tickets/${ticket.id}/events/shipped`;
    expect((await sendSigned(path, body, {})).status).toBe(401);
    const forged = await sendSigned(
      path,
      body,
      signWebhook('wrong-secret-wrong-secret', `msg_${randomUUID()}`, body),
    );
    expect(forged.status).toBe(401);
    expect(forged.body.code).toBe('invalid-signature');
    const signed = await sendSigned(path, body, signWebhook(OLD_SECRET, `msg_${randomUUID()}`, body));
    expect(signed.status).toBe(200);
    expect(signed.body).toMatchObject({ status: 'completed', fields: { trackingNo: 'YT99' } });
    const transition = (await client.transitions('requester', ticket.id)).find(
      (tr) => tr.event === 'message.receive',
    );
    expect(transition?.actor).toBeUndefined();
  });

  // Issue 17, finding 1: a body signed once was accepted by any ticket and any message.
  it('refuses a signed event replayed to another ticket, another message, or again, and audits each delivery', async () => {
    const a = await waiting();
    const b = await waiting();
    const body = JSON.stringify({ ticketId: a.id, message: 'shipped', fields: { trackingNo: 'PAID' } });
    const headers = signWebhook(SECRET, `msg_${randomUUID()}`, body);
    const toB = await sendSigned(`/api/tickets/${b.id}/events/shipped`, body, headers);
    expect(toB.status).toBe(401);
    expect(toB.body.code).toBe('webhook-route-mismatch');
    const otherMessage = await sendSigned(`/api/tickets/${a.id}/events/paid`, body, headers);
    expect(otherMessage.body.code).toBe('webhook-route-mismatch');
    expect((await sendSigned(`/api/tickets/${a.id}/events/shipped`, body, headers)).status).toBe(200);
    const again = await sendSigned(`/api/tickets/${a.id}/events/shipped`, body, headers);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('webhook-replayed');
    const stale = signWebhook(SECRET, `msg_${randomUUID()}`, body, new Date(Date.now() - 6 * 60_000));
    expect((await sendSigned(`/api/tickets/${a.id}/events/shipped`, body, stale)).body.code).toBe(
      'webhook-timestamp-outside-tolerance',
    );
    expect((await client.ticket('requester', b.id)).activeNodes).toEqual(['shipped']);
    const audited = (await t.db.dataSource.query(
      `SELECT action, details->>'code' AS code FROM audit_log WHERE action LIKE 'webhook.%' AND (object_id = $1 OR object_id = $2) ORDER BY id`,
      [a.id, b.id],
    )) as { action: string; code: string | null }[];
    expect(audited).toEqual([
      { action: 'webhook.refused', code: 'webhook-route-mismatch' },
      { action: 'webhook.refused', code: 'webhook-route-mismatch' },
      { action: 'webhook.accepted', code: null },
      { action: 'webhook.refused', code: 'webhook-replayed' },
      { action: 'webhook.refused', code: 'webhook-timestamp-outside-tolerance' },
    ]);
  });

  it('hides the ticket from a signed-in user who is not involved', async () => {
    const ticket = await waiting();
    expect(
      (
        await t.http
          .post(`/api/tickets/${ticket.id}/events/shipped`)
          .set(await client.auth('finance1'))
          .send({})
      ).status,
    ).toBe(404);
    expect(
      (
        await t.http
          .post(`/api/tickets/${ticket.id}/events/shipped`)
          .set(await client.auth('admin'))
          .send({})
      ).status,
    ).toBe(200);
  });
});
