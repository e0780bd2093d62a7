import { SignJWT, decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JWT_SECRET } from '../../src/auth/jwt-secret.js';
import { ACTORS, MATRIX, type ActorName } from '../authorization-matrix.js';
import { dualApprovalDefinition, singleApprovalDefinition } from '../fixtures/dual-approval.js';
import { startTestApp, type TestApp } from '../test-app.js';
import { ticketClient } from '../ticket-helpers.js';

const WRITE = /^(POST|PUT|PATCH|DELETE) /;
/** What a client must never be able to set by adding it to a body. */
const SMUGGLED = {
  status: 'completed',
  approvedBy: '00000000-0000-4000-8000-000000000000',
  roles: ['admin'],
};

describe('reliability: authorization beyond the matrix', () => {
  let t: TestApp;
  let client: ReturnType<typeof ticketClient>;
  beforeAll(async () => {
    t = await startTestApp({ tokenTtlSeconds: 120 });
    client = ticketClient(t);
    await client.publish(singleApprovalDefinition('sod-any'));
    await client.publish(dualApprovalDefinition('sod-all'));
  });
  afterAll(async () => t?.close());

  it('refuses status, approvedBy and roles on every write route that takes a body; body-less routes ignore them', async () => {
    const writes = MATRIX.filter((entry) => WRITE.test(entry.route));
    const rejected: string[] = [];
    const ignored: string[] = [];
    for (const entry of writes) {
      const actor = ACTORS.find((name) => name !== 'anonymous' && (entry.expect[name] as number) < 300) as
        ActorName | undefined;
      if (!actor) continue;
      const call = await entry.setup(t);
      const method = (entry.route.split(' ')[0] as string).toLowerCase() as 'post' | 'put' | 'delete';
      const rolesBefore = (await t.http.get('/api/auth/me').set(await client.auth(actor))).body
        .roles as string[];
      const body = call.body === undefined ? SMUGGLED : { ...(call.body as object), ...SMUGGLED };
      const response = await t.http[method](call.path)
        .set(await client.auth(actor))
        .send(body);
      expect(response.status, `${entry.route} as ${actor}: ${JSON.stringify(response.body)}`).toBeLessThan(
        500,
      );
      if (call.body === undefined) {
        // Nothing reads a body here; the extras must not have changed anything.
        expect(JSON.stringify(response.body ?? {}), entry.route).not.toContain(SMUGGLED.approvedBy);
        ignored.push(entry.route);
      } else {
        expect(response.status, `${entry.route}: ${JSON.stringify(response.body)}`).toBe(400);
        expect(response.body.code).toBe('invalid-input');
        expect(response.body.message).toMatch(/property (status|approvedBy|roles) should not exist/);
        rejected.push(entry.route);
      }
      expect((await t.http.get('/api/auth/me').set(await client.auth(actor))).body.roles).toEqual(
        rolesBefore,
      );
    }
    expect(rejected.length).toBeGreaterThanOrEqual(10);
    console.log(
      `reliability: authorization — ${MATRIX.length} routes × ${ACTORS.length} actors in the matrix (${MATRIX.length * ACTORS.length} cases); mass assignment refused on ${rejected.length} write routes with a body, ignored by ${ignored.length} body-less ones (${ignored.join(', ')})`,
    );
  });

  it("cannot hand an approval to the ticket's own requester, who stays unable to decide it", async () => {
    const ticket = await client.createTicket('finance2', {
      workflowKey: 'sod-any',
      title: 'Own refund',
      fields: { amount: 1 },
    });
    const task = await client.taskFor('finance1', ticket.id, 'approve');
    const handOver = await t.http
      .post(`/api/tasks/${task.id}/delegate`)
      .set(await client.auth('finance1'))
      .send({ toUser: 'finance2' });
    expect(handOver.status).toBe(422);
    expect(handOver.body.code).toBe('wrong-task-kind');
    const own = await client.act('finance2', task.id, 'approve');
    expect(own.status).toBe(403);
    expect(own.body.code).toBe('separation-of-duties');
    expect((await t.http.get(`/api/tasks/${task.id}`).set(await client.auth('admin'))).body).toMatchObject({
      status: 'open',
    });
  });

  it("lets an approver the requester delegated to decide only as themselves, never on the requester's behalf", async () => {
    const delegation = await t.http
      .post('/api/delegations')
      .set(await client.auth('finance2'))
      .send({ toUser: 'finance1', endsAt: '2099-01-01T00:00:00Z' });
    expect(delegation.status).toBe(201);
    try {
      const ticket = await client.createTicket('finance2', {
        workflowKey: 'sod-all',
        title: 'Own, two keys',
        fields: { amount: 1 },
      });
      const task = await client.taskFor('finance1', ticket.id, 'approve');
      expect((await client.act('finance1', task.id, 'approve')).status).toBe(200);
      const [vote] = (await t.db.dataSource.query(
        'SELECT on_behalf_of FROM approval_votes WHERE task_id = $1',
        [task.id],
      )) as { on_behalf_of: string | null }[];
      expect(vote?.on_behalf_of).toBeNull();
      expect((await client.act('finance1', task.id, 'approve')).status).toBe(409);
    } finally {
      await t.http.delete(`/api/delegations/${delegation.body.id}`).set(await client.auth('finance2'));
    }
  });

  it('counts one vote per person under "all", even for a delegate acting for the other approver', async () => {
    const delegation = await t.http
      .post('/api/delegations')
      .set(await client.auth('finance2'))
      .send({ toUser: 'finance1', endsAt: '2099-01-01T00:00:00Z' });
    expect(delegation.status).toBe(201);
    try {
      const ticket = await client.createTicket('requester', {
        workflowKey: 'sod-all',
        title: 'Two keys',
        fields: { amount: 1 },
      });
      const task = await client.taskFor('finance1', ticket.id, 'approve');
      expect((await client.act('finance1', task.id, 'approve')).body).toMatchObject({ status: 'open' });
      const twice = await client.act('finance1', task.id, 'approve');
      expect(twice.status).toBe(409);
      expect(twice.body.code).toBe('already-decided');
      expect((await client.ticket('requester', ticket.id)).status).toBe('active');
      expect((await client.act('finance2', task.id, 'approve')).status).toBe(200);
      expect((await client.ticket('requester', ticket.id)).outcome).toBe('resolved');
    } finally {
      await t.http.delete(`/api/delegations/${delegation.body.id}`).set(await client.auth('finance2'));
    }
  });
});

describe('reliability: sign-in and transport security', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ tokenTtlSeconds: 120, trustProxy: ['loopback'] });
  });
  afterAll(async () => t?.close());

  // Issue 17, finding 3: ten wrong passwords used to lock the account for 15 minutes, even for its owner.
  it('slows a guesser with growing waits (429 + Retry-After) but never locks the owner out', async () => {
    const from = (address: string) => ({ 'X-Forwarded-For': address });
    const statuses: number[] = [];
    for (let attempt = 1; attempt <= 10; attempt += 1) {
      statuses.push(
        (
          await t.http
            .post('/api/auth/login')
            .set(from('203.0.113.9'))
            .send({ username: 'cab3', password: `guess-${attempt}` })
        ).status,
      );
    }
    expect(statuses.slice(0, 6)).toEqual([401, 401, 401, 401, 401, 401]);
    expect(statuses.slice(6)).toContain(429);
    const blocked = await t.http
      .post('/api/auth/login')
      .set(from('203.0.113.9'))
      .send({ username: 'cab3', password: 'demo' });
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe('too-many-login-attempts');
    const wait = Number(blocked.headers['retry-after']);
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(8);
    // The owner, from their own address, is not held up by someone else's guessing…
    expect(
      (
        await t.http
          .post('/api/auth/login')
          .set(from('198.51.100.7'))
          .send({ username: 'cab3', password: 'demo' })
      ).status,
    ).toBe(200);
    // …and even from the guesser's address the right password works after the short wait.
    await new Promise((done) => setTimeout(done, wait * 1000 + 100));
    expect(
      (
        await t.http
          .post('/api/auth/login')
          .set(from('203.0.113.9'))
          .send({ username: 'cab3', password: 'demo' })
      ).status,
    ).toBe(200);
    const [counter] = (await t.db.dataSource.query(
      `SELECT count(*)::int AS n FROM rate_limits WHERE key LIKE 'login-%'`,
    )) as { n: number }[];
    expect(counter?.n).toBeGreaterThan(0);
  });

  it('sends security headers and no X-Powered-By', async () => {
    const response = await t.http.get('/api/health').expect(200);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(response.headers['content-security-policy']).toMatch(/script-src 'self'/);
    expect(response.headers['x-powered-by']).toBeUndefined();
    expect(response.headers['x-frame-options']).toBeDefined();
  });

  it('issues tokens that live TOKEN_TTL_SECONDS and refuses expired, forged and unsigned ones', async () => {
    const login = await t.http
      .post('/api/auth/login')
      .send({ username: 'requester', password: 'demo' })
      .expect(200);
    const claims = decodeJwt(login.body.accessToken as string);
    expect((claims.exp as number) - (claims.iat as number)).toBe(120);
    const key = new TextEncoder().encode(t.app.get<string>(JWT_SECRET));
    const now = Math.floor(Date.now() / 1000);
    const signed = (exp: number | undefined, signingKey = key, extra: Record<string, unknown> = {}) => {
      const jwt = new SignJWT({ ver: 0, ...extra })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(String(claims.sub))
        .setIssuer('ticketflow')
        .setIssuedAt(now - 3600);
      return (exp === undefined ? jwt : jwt.setExpirationTime(exp)).sign(signingKey);
    };
    const me = (token: string) => t.http.get('/api/auth/me').set('Authorization', `Bearer ${token}`);
    expect((await me(await signed(now + 60))).status).toBe(200);
    expect((await me(await signed(now - 1))).status).toBe(401);
    expect((await me(await signed(now + 60, new TextEncoder().encode('x'.repeat(64))))).status).toBe(401);
    // Issue 17, finding 2: a correctly signed token without exp was accepted forever.
    expect((await me(await signed(undefined))).status).toBe(401);
    // Roles are read from the database, so claiming admin in a correctly signed token changes nothing.
    expect((await me(await signed(now + 60, key, { roles: ['admin'] }))).body.roles).toEqual(['requester']);
    const [header, payload] = (login.body.accessToken as string).split('.');
    const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url')}.${payload}.`;
    expect((await me(unsigned)).status).toBe(401);
    const escalated = `${header}.${Buffer.from(JSON.stringify({ ...claims, roles: ['admin'] })).toString('base64url')}.${(login.body.accessToken as string).split('.')[2]}`;
    expect((await me(escalated)).status).toBe(401);
  });
});
