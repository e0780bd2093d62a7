import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/app-config.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { ticketClient } from '../../test/ticket-helpers.js';
import { signBody } from './inbound-signature.js';

const SECRET = 'inbound-test-secret-0123456789';

const waitFlow = {
  schemaVersion: 1, key: 'await-shipment', name: 'Await shipment',
  fields: [{ name: 'trackingNo', type: 'string' }, { name: 'weight', type: 'number' }],
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
    t = await startTestApp({ workers: { ...loadConfig({}).workers, webhookSecret: SECRET } });
    client = ticketClient(t);
    await client.publish(waitFlow);
  });
  afterAll(async () => t?.close());

  const waiting = () => client.createTicket('requester', { workflowKey: 'await-shipment', title: 'Parcel', fields: {} });

  it('delivers a message from someone involved to the waiting node, with its fields, once', async () => {
    const ticket = await waiting();
    expect(ticket.activeNodes).toEqual(['shipped']);
    const response = await t.http.post(`/api/tickets/${ticket.id}/events/shipped`).set(await client.auth('requester')).send({ fields: { trackingNo: 'SF1', weight: 2.5 } });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: 'completed', outcome: 'resolved', fields: { trackingNo: 'SF1', weight: 2.5 } });
    const again = await t.http.post(`/api/tickets/${ticket.id}/events/shipped`).set(await client.auth('requester')).send({});
    expect(again.status).toBe(409);
    const [timer] = (await t.db.dataSource.query(`SELECT t.status FROM timers t JOIN instances i ON i.id = t.instance_id WHERE i.ticket_id = $1`, [ticket.id])) as { status: string }[];
    expect(timer?.status).toBe('cancelled');
  });

  it('answers 409 for a message nothing waits for, and 400 for fields of the wrong type', async () => {
    const ticket = await waiting();
    const requester = await client.auth('requester');
    const unknown = await t.http.post(`/api/tickets/${ticket.id}/events/delivered`).set(requester).send({});
    expect(unknown.status).toBe(409);
    expect(unknown.body.code).toBe('message-not-awaited');
    const bad = await t.http.post(`/api/tickets/${ticket.id}/events/shipped`).set(requester).send({ fields: { weight: 'heavy' } });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/weight/);
    expect((await client.ticket('requester', ticket.id)).activeNodes).toEqual(['shipped']);
  });

  it('accepts another system that signs the raw body, and refuses a wrong signature or none', async () => {
    const ticket = await waiting();
    const body = JSON.stringify({ fields: { trackingNo: 'YT99' } });
    const unsigned = await t.http.post(`/api/tickets/${ticket.id}/events/shipped`).set('content-type', 'application/json').send(body);
    expect(unsigned.status).toBe(401);
    const forged = await t.http.post(`/api/tickets/${ticket.id}/events/shipped`).set({ 'content-type': 'application/json', 'x-ticketflow-signature': signBody('wrong-secret-wrong-secret', body) }).send(body);
    expect(forged.status).toBe(401);
    expect(forged.body.code).toBe('invalid-signature');
    const signed = await t.http.post(`/api/tickets/${ticket.id}/events/shipped`).set({ 'content-type': 'application/json', 'x-ticketflow-signature': signBody(SECRET, body) }).send(body);
    expect(signed.status).toBe(200);
    expect(signed.body).toMatchObject({ status: 'completed', fields: { trackingNo: 'YT99' } });
    const transition = (await client.transitions('requester', ticket.id)).find((tr) => tr.event === 'message.receive');
    expect(transition?.actor).toBeUndefined();
  });

  it('hides the ticket from a signed-in user who is not involved', async () => {
    const ticket = await waiting();
    expect((await t.http.post(`/api/tickets/${ticket.id}/events/shipped`).set(await client.auth('finance1')).send({})).status).toBe(404);
    expect((await t.http.post(`/api/tickets/${ticket.id}/events/shipped`).set(await client.auth('admin')).send({})).status).toBe(200);
  });
});
