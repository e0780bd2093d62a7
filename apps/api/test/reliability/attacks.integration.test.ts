import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/app-config.js';
import { verifyWebhook } from '../../src/webhooks/webhook-signature.js';
import { singleApprovalDefinition } from '../fixtures/dual-approval.js';
import { LocalReceiver } from '../local-receiver.js';
import { eventually } from '../shared-database.js';
import { startTestApp, type TestApp } from '../test-app.js';
import { ticketClient } from '../ticket-helpers.js';

const PARTNER_SECRET = 'partner-secret-123';
const SIGNING_SECRET = 'wms-signing-secret-0123456789';

/** A flow that calls the partner's warehouse with a stored credential, then ends. */
const partnerFlow = (url: string, authorization: string) => ({
  schemaVersion: 1,
  key: 'partner-call',
  name: 'Partner call',
  fields: [{ name: 'amount', type: 'number' }],
  nodes: [
    { id: 'start', type: 'start' },
    {
      id: 'call',
      type: 'action',
      name: 'Book pickup',
      action: {
        type: 'http',
        method: 'POST',
        url,
        headers: { authorization },
        body: { amount: '{{fields.amount}}' },
      },
    },
    { id: 'done', type: 'end', outcome: 'resolved' },
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'call' },
    { id: 'e2', source: 'call', target: 'done', on: 'ok' },
  ],
});

/**
 * Issue 17's findings, each replayed as the attack it describes (every one
 * of these passed, i.e. the attack worked, before the fix). Finding 1 is in
 * messages/ and intake/, finding 3 in security.integration.test.ts, finding 5
 * in bad-text.integration.test.ts, the two-process cases in
 * sessions-across-processes.integration.test.ts.
 */
describe('reliability: the attacks of issue 17', () => {
  let t: TestApp;
  let client: ReturnType<typeof ticketClient>;
  const receiver = new LocalReceiver();
  const admin = async () => client.auth('admin');
  const idOf = async (username: string) =>
    (
      (await t.db.dataSource.query('SELECT id FROM users WHERE username = $1', [username])) as {
        id: string;
      }[]
    )[0]?.id as string;

  beforeAll(async () => {
    await receiver.start();
    t = await startTestApp({
      workers: { ...loadConfig({}).workers, pollMs: 50, httpAllowPrivateHosts: ['127.0.0.1'] },
    });
    client = ticketClient(t);
    await client.publish(singleApprovalDefinition('attack-approval'));
  });
  afterAll(async () => {
    await t?.close();
    await receiver.stop();
  });
  beforeEach(() => {
    receiver.calls.length = 0;
  });

  it("finding 2: a deactivated user's token stops working at the next request, and signing out everywhere voids old tokens", async () => {
    const login = await t.http
      .post('/api/auth/login')
      .send({ username: 'engineer1', password: 'demo' })
      .expect(200);
    const token = { Authorization: `Bearer ${login.body.accessToken}` };
    expect((await t.http.get('/api/auth/me').set(token)).status).toBe(200);
    const id = await idOf('engineer1');
    expect((await t.http.post(`/api/users/${id}/deactivate`).set(await admin())).status).toBe(200);
    const me = await t.http.get('/api/auth/me').set(token);
    expect(me.status).toBe(401);
    expect(me.body.code).toBe('session-revoked');
    expect(
      (
        await t.http
          .post('/api/tickets')
          .set(token)
          .send({ workflowKey: 'attack-approval', title: 'x', fields: { amount: 1 } })
      ).status,
    ).toBe(401);
    expect(
      (await t.http.post('/api/auth/login').send({ username: 'engineer1', password: 'demo' })).status,
    ).toBe(401);
    await t.http
      .post(`/api/users/${id}/activate`)
      .set(await admin())
      .expect(200);
    // Reactivation does not bring the old token back.
    expect((await t.http.get('/api/auth/me').set(token)).status).toBe(401);
    const again = {
      Authorization: `Bearer ${(await t.http.post('/api/auth/login').send({ username: 'engineer1', password: 'demo' }).expect(200)).body.accessToken}`,
    };
    await t.http.post(`/api/users/${id}/sign-out`).set(again).expect(204);
    expect((await t.http.get('/api/auth/me').set(again)).status).toBe(401);
  });

  it('finding 2: a user whose finance role was removed can no longer approve finance steps', async () => {
    const login = await t.http
      .post('/api/auth/login')
      .send({ username: 'finance2', password: 'demo' })
      .expect(200);
    const token = { Authorization: `Bearer ${login.body.accessToken}` };
    const ticket = await client.createTicket('requester', {
      workflowKey: 'attack-approval',
      title: 'Refund',
      fields: { amount: 10 },
    });
    const task = await client.taskFor('finance1', ticket.id, 'approve');
    const id = await idOf('finance2');
    await t.http
      .put(`/api/users/${id}/roles`)
      .set(await admin())
      .send({ roles: [] })
      .expect(200);
    try {
      const approve = await t.http.post(`/api/tasks/${task.id}/approve`).set(token).send({});
      expect([403, 404]).toContain(approve.status);
      expect((await t.http.get('/api/auth/me').set(token)).body.roles).toEqual([]);
      expect((await client.ticket('requester', ticket.id)).status).toBe('active');
    } finally {
      await t.http
        .put(`/api/users/${id}/roles`)
        .set(await admin())
        .send({ roles: ['finance'] })
        .expect(200);
    }
    const audited = (await t.db.dataSource.query(
      `SELECT action FROM audit_log WHERE object_id = $1 AND action LIKE 'user.%' ORDER BY id`,
      [id],
    )) as { action: string }[];
    expect(audited.map((row) => row.action)).toEqual(['user.roles-change', 'user.roles-change']);
  });

  it('finding 4: a credential stored as a secret is never readable, and is resolved and signed only when the call is sent', async () => {
    const headers = await admin();
    await t.http
      .put('/api/secrets/WMS_TOKEN')
      .set(headers)
      .send({ value: `Bearer ${PARTNER_SECRET}`, description: 'WMS' })
      .expect(200);
    await t.http
      .put('/api/secrets/WMS_SIGNING')
      .set(headers)
      .send({ value: SIGNING_SECRET, signingHost: '127.0.0.1' })
      .expect(200);
    // The old way is still possible, but validation warns about it.
    const literal = await t.http
      .post('/api/definitions/validate')
      .set(await client.auth('owner'))
      .send({ definition: partnerFlow(`${receiver.origin}/pickup`, `Bearer ${PARTNER_SECRET}`) });
    expect(literal.body.problems).toContainEqual(
      expect.objectContaining({ code: 'literal-credential-header', severity: 'warning', nodeId: 'call' }),
    );
    await client.publish(partnerFlow(`${receiver.origin}/pickup`, '{{secret:WMS_TOKEN}}'));
    const ticket = await client.createTicket('requester', {
      workflowKey: 'partner-call',
      title: 'Pickup',
      fields: { amount: 7 },
    });
    await eventually(
      async () => ((await client.ticket('requester', ticket.id)).status === 'completed' ? true : undefined),
      15_000,
      'the call to be made',
    );
    const call = receiver.calls[0];
    expect(call?.headers.authorization).toBe(`Bearer ${PARTNER_SECRET}`);
    const signature = {
      'webhook-id': String(call?.headers['webhook-id']),
      'webhook-timestamp': String(call?.headers['webhook-timestamp']),
      'webhook-signature': String(call?.headers['webhook-signature']),
    };
    expect(verifyWebhook([SIGNING_SECRET], signature, Buffer.from(call?.body ?? ''))).toEqual({
      ok: true,
      id: call?.idempotencyKey,
    });
    // Nobody reads it back: not the requester through the version, not admins through the API, not the audit log, not the table.
    const readers = [await client.auth('requester'), headers];
    for (const reader of readers) {
      for (const path of [
        '/api/workflows/partner-call/versions/1',
        '/api/workflows/partner-call/versions',
        '/api/workflows/partner-call/draft',
        '/api/secrets',
        `/api/tickets/${ticket.id}`,
        '/api/workflows/partner-call/diff?from=1&to=draft',
      ]) {
        const response = await t.http.get(path).set(reader);
        expect(JSON.stringify(response.body), path).not.toContain(PARTNER_SECRET);
        expect(JSON.stringify(response.body), path).not.toContain(SIGNING_SECRET);
      }
    }
    const dump =
      JSON.stringify(await t.db.dataSource.query(`SELECT * FROM audit_log`)) +
      JSON.stringify(
        await t.db.dataSource.query(`SELECT name, encode(ciphertext, 'escape') AS c FROM secrets`),
      ) +
      JSON.stringify(await t.db.dataSource.query('SELECT * FROM outbox'));
    expect(dump).not.toContain(PARTNER_SECRET);
    expect(dump).not.toContain(SIGNING_SECRET);
    const audited = (await t.db.dataSource.query(
      `SELECT action, object_id FROM audit_log WHERE object_type = 'secret' ORDER BY id`,
    )) as { action: string; object_id: string }[];
    expect(audited).toEqual([
      { action: 'secret.create', object_id: 'WMS_TOKEN' },
      { action: 'secret.create', object_id: 'WMS_SIGNING' },
    ]);
  });

  it('finding 6: an Idempotency-Key reused with a different body is a 422 naming the key, not a silent replay', async () => {
    const requester = await client.auth('requester');
    const first = await t.http
      .post('/api/tickets')
      .set(requester)
      .set('Idempotency-Key', 'attack-6')
      .send({ workflowKey: 'attack-approval', title: 'First', fields: { amount: 1 } });
    expect(first.status).toBe(201);
    const same = await t.http
      .post('/api/tickets')
      .set(requester)
      .set('Idempotency-Key', 'attack-6')
      .send({ fields: { amount: 1 }, title: 'First', workflowKey: 'attack-approval' });
    expect(same.status).toBe(201);
    expect(same.headers['idempotent-replayed']).toBe('true');
    const second = await t.http
      .post('/api/tickets')
      .set(requester)
      .set('Idempotency-Key', 'attack-6')
      .send({ workflowKey: 'attack-approval', title: 'Second', fields: { amount: 2 } });
    expect(second.status).toBe(422);
    expect(second.body).toMatchObject({ code: 'idempotency-key-reused', details: { key: 'attack-6' } });
    expect(second.body.message).toContain('attack-6');
  });

  it('finding 7: a dated delegation cannot hand a role to someone who does not hold it', async () => {
    const response = await t.http
      .post('/api/delegations')
      .set(await client.auth('agent'))
      .send({ toUser: 'requester', endsAt: '2099-01-01T00:00:00Z' });
    expect(response.status).toBe(422);
    expect(response.body.code).toBe('delegate-lacks-role');
    expect(response.body.message).toContain('agent');
  });

  it('finding 8: a requester cannot make their own ticket urgent unless the workflow allows it', async () => {
    const requester = await client.auth('requester');
    const urgent = await t.http
      .post('/api/tickets')
      .set(requester)
      .send({ workflowKey: 'attack-approval', title: 'Me first', fields: { amount: 1 }, priority: 'urgent' });
    expect(urgent.status).toBe(403);
    expect(urgent.body.code).toBe('priority-not-allowed');
    expect(
      (
        await t.http
          .post('/api/tickets')
          .set(await client.auth('agent'))
          .send({
            workflowKey: 'attack-approval',
            title: 'Triage',
            fields: { amount: 1 },
            priority: 'urgent',
          })
      ).status,
    ).toBe(201);
    await client.publish({ ...singleApprovalDefinition('attack-priority'), requesterPriority: true });
    expect(
      (
        await t.http
          .post('/api/tickets')
          .set(requester)
          .send({
            workflowKey: 'attack-priority',
            title: 'Allowed',
            fields: { amount: 1 },
            priority: 'urgent',
          })
      ).status,
    ).toBe(201);
  });

  it('finding 8: date fields take only real calendar dates', async () => {
    const flow = {
      ...singleApprovalDefinition('attack-dates'),
      fields: [
        { name: 'amount', type: 'number', required: true },
        { name: 'due', type: 'date' },
      ],
    };
    await client.publish(flow);
    const requester = await client.auth('requester');
    for (const due of ['0', '1', '2026-02-30']) {
      const response = await t.http
        .post('/api/tickets')
        .set(requester)
        .send({ workflowKey: 'attack-dates', title: 'Dated', fields: { amount: 1, due } });
      expect(response.status, due).toBe(400);
      expect(response.body.message, due).toContain('due');
    }
    expect(
      (
        await t.http
          .post('/api/tickets')
          .set(requester)
          .send({ workflowKey: 'attack-dates', title: 'Dated', fields: { amount: 1, due: '2026-02-28' } })
      ).status,
    ).toBe(201);
  });

  it('finding 8: passwords are hashed at scrypt N=2^17, and an old N=2^15 hash is upgraded at the next sign-in', async () => {
    const weak = await hashPasswordWithN('demo', 2 ** 15);
    await t.db.dataSource.query(`UPDATE users SET password_hash = $2 WHERE username = $1`, [
      'areamgr-east',
      weak,
    ]);
    await t.http.post('/api/auth/login').send({ username: 'areamgr-east', password: 'demo' }).expect(200);
    const [row] = (await t.db.dataSource.query(
      `SELECT password_hash FROM users WHERE username = 'areamgr-east'`,
    )) as { password_hash: string }[];
    expect(row?.password_hash.split('$')[1]).toBe('131072');
    await t.http.post('/api/auth/login').send({ username: 'areamgr-east', password: 'demo' }).expect(200);
    const signIns = (await t.db.dataSource.query(
      `SELECT action FROM audit_log WHERE action LIKE 'auth.%'`,
    )) as { action: string }[];
    expect(signIns.some((entry) => entry.action === 'auth.login')).toBe(true);
  });
});

/** A hash as the old code made it (scrypt N=2^15): same format, smaller N. */
async function hashPasswordWithN(password: string, n: number): Promise<string> {
  const { randomBytes, scryptSync } = await import('node:crypto');
  const salt = randomBytes(16);
  const key = scryptSync(password, salt, 32, { N: n, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
  return ['scrypt', n, 8, 1, salt.toString('base64'), key.toString('base64')].join('$');
}
