import { lookup } from 'node:dns/promises';
import { hostname } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/app-config.js';
import { classifyAddress } from './address-classifier.js';
import { LocalReceiver } from '../../test/local-receiver.js';
import { eventually } from '../../test/shared-database.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { ticketClient } from '../../test/ticket-helpers.js';

/** This machine's host name when it resolves to a non-public address (usual: /etc/hosts maps it to 127.0.x.1), else undefined. */
async function localName(): Promise<string | undefined> {
  const name = hostname().toLowerCase();
  const { address } = await lookup(name).catch(() => ({ address: '8.8.8.8' }));
  return classifyAddress(address) ? name : undefined;
}

let counter = 0;
const callFlow = (url: string, withFailedEdge = true) => {
  const key = `ssrf-${(counter += 1)}`;
  return {
    schemaVersion: 1,
    key,
    name: `SSRF ${key}`,
    fields: [],
    nodes: [
      { id: 'start', type: 'start' },
      { id: 'call', type: 'action', name: 'Call out', action: { type: 'http', method: 'POST', url } },
      { id: 'done', type: 'end', outcome: 'resolved' },
      ...(withFailedEdge ? [{ id: 'refused', type: 'end', outcome: 'refused' }] : []),
    ],
    edges: [
      { id: 'e1', source: 'start', target: 'call' },
      { id: 'e2', source: 'call', target: 'done', on: 'ok' },
      ...(withFailedEdge ? [{ id: 'e3', source: 'call', target: 'refused', on: 'failed' }] : []),
    ],
  };
};

describe('SSRF protection of HTTP actions (any public host allowed, nothing private)', () => {
  let t: TestApp;
  let client: ReturnType<typeof ticketClient>;
  const receiver = new LocalReceiver();
  beforeAll(async () => {
    await receiver.start();
    t = await startTestApp({ workers: { ...loadConfig({}).workers, pollMs: 50, httpAllowedHosts: ['*'] } });
    client = ticketClient(t);
  });
  afterAll(async () => {
    await t?.close();
    await receiver.stop();
  });

  const publish = async (definition: ReturnType<typeof callFlow>) => {
    await t.http
      .put(`/api/workflows/${definition.key}/draft`)
      .set(await client.auth('owner'))
      .send({ definition })
      .expect(200);
    return t.http
      .post(`/api/workflows/${definition.key}/publish`)
      .set(await client.auth('admin'))
      .send({});
  };

  it.each([
    ['http://127.0.0.1:8080/hook', '127.0.0.1', 'loopback'],
    ['http://[::1]/hook', '[::1]', 'loopback'],
    ['http://169.254.169.254/latest/meta-data/', '169.254.169.254', 'cloud metadata'],
    ['http://10.1.2.3/hook', '10.1.2.3', 'private-network'],
    ['http://2130706433/hook', '127.0.0.1', 'loopback'],
    ['http://0177.0.0.1/hook', '127.0.0.1', 'loopback'],
    ['http://[::ffff:127.0.0.1]/hook', '[::ffff:7f00:1]', 'loopback'],
    ['http://localhost:3000/hook', 'localhost', 'loopback'],
  ])('refuses to publish a call to %s', async (url, host, range) => {
    const response = await publish(callFlow(url));
    expect(response.status).toBe(422);
    const problem = (
      response.body.details.problems as { code: string; message: string; nodeId: string }[]
    ).find((p) => p.code === 'http-target-private');
    expect(problem?.nodeId).toBe('call');
    expect(problem?.message).toContain(`"${host}" is a`);
    expect(problem?.message).toContain(range);
  });

  it('refuses a file: URL when publishing', async () => {
    const response = await publish(callFlow('file:///etc/passwd'));
    expect(response.status).toBe(422);
    expect(response.body.details.problems.map((p: { code: string }) => p.code)).toContain('invalid-action');
  });

  // The machine's own name passes the publish check (it is a name) but resolves to a local address.
  it('refuses at send time a name that resolves to loopback, without calling it, and follows the failed edge', async () => {
    if (!(await localName())) return;
    const definition = callFlow(`http://${await localName()}:${receiver.port}/hook`);
    expect((await publish(definition)).status).toBe(201);
    const ticket = await client.createTicket('requester', {
      workflowKey: definition.key,
      title: 'Sneaky',
      fields: {},
    });
    const done = await eventually(
      async () => {
        const view = await client.ticket('requester', ticket.id);
        return view.status === 'completed' ? view : undefined;
      },
      10_000,
      'the refusal',
    );
    expect(done.outcome).toBe('refused');
    expect(receiver.calls).toHaveLength(0);
    const note = (await client.transitions('admin', ticket.id)).find((tr) => tr.event === 'action.result');
    expect(note?.detail?.text).toMatch(/resolves to .* address; HTTP actions may only call public addresses/);
    const [row] = (await t.db.dataSource.query(
      `SELECT o.status, o.attempts, o.last_error FROM outbox o JOIN instances i ON i.id = o.instance_id WHERE i.ticket_id = $1`,
      [ticket.id],
    )) as { status: string; attempts: number; last_error: string }[];
    expect(row).toMatchObject({ status: 'failed', attempts: 1 });
  });

  it('raises an incident naming the refusal when there is no failed edge', async () => {
    if (!(await localName())) return;
    const definition = callFlow(`http://${await localName()}:${receiver.port}/hook`, false);
    expect((await publish(definition)).status).toBe(201);
    const ticket = await client.createTicket('requester', {
      workflowKey: definition.key,
      title: 'Sneaky 2',
      fields: {},
    });
    await eventually(
      async () => (await client.ticket('requester', ticket.id)).status === 'incident',
      10_000,
      'the incident',
    );
    const incidents = (
      await t.http
        .get('/api/incidents')
        .set(await client.auth('admin'))
        .expect(200)
    ).body as { ticketId: string; message: string }[];
    expect(incidents.find((entry) => entry.ticketId === ticket.id)?.message).toMatch(
      /resolves to .*only call public addresses/,
    );
    expect(receiver.calls).toHaveLength(0);
  });
});
