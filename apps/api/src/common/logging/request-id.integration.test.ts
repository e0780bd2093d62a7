import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/test-app.js';
import { AppLogger } from './app-logger.js';

describe('request ids and access logs', () => {
  let t: TestApp;
  let logged = '';
  const lines = () =>
    logged
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  beforeAll(async () => {
    const sink = new Writable({
      write(chunk, _encoding, done) {
        logged += chunk.toString();
        done();
      },
    });
    t = await startTestApp({}, { logger: new AppLogger('info', sink) });
  });
  afterAll(async () => t?.close());

  it("returns the client's X-Request-Id and logs the request under it", async () => {
    const token = await t.login('agent');
    const response = await t.http
      .get('/api/tasks')
      .set({ Authorization: `Bearer ${token}`, 'X-Request-Id': 'trace-abc.1' })
      .expect(200);
    expect(response.headers['x-request-id']).toBe('trace-abc.1');
    const access = lines().find((line) => line.requestId === 'trace-abc.1');
    const [agent] = (await t.db.dataSource.query(`SELECT id FROM users WHERE username = 'agent'`)) as {
      id: string;
    }[];
    expect(access).toMatchObject({
      level: 'info',
      req: { method: 'GET', url: '/api/tasks' },
      res: { statusCode: 200 },
      userId: agent?.id,
    });
    expect(typeof access?.responseTime).toBe('number');
    expect(
      logged
        .split('\n')
        .find((line) => line.includes('trace-abc.1'))
        ?.match(/"requestId"/g),
    ).toHaveLength(1);
    expect(logged).not.toContain(token);
  });

  it('generates an id when the client sends none or an unusable one', async () => {
    const plain = await t.http.get('/api/auth/me').expect(401);
    const odd = await t.http.get('/api/auth/me').set('X-Request-Id', 'has spaces in it').expect(401);
    for (const response of [plain, odd]) expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(plain.headers['x-request-id']).not.toBe(odd.headers['x-request-id']);
  });

  it('puts the id into every error body, body-parser errors included', async () => {
    const notFound = await t.http.get('/api/nope').set('X-Request-Id', 'trace-404').expect(404);
    expect(notFound.body).toMatchObject({ code: 'route-not-found', requestId: 'trace-404' });
    const malformed = await t.http
      .post('/api/auth/login')
      .set({ 'content-type': 'application/json', 'X-Request-Id': 'trace-400' })
      .send('{"username":')
      .expect(400);
    expect(malformed.body).toMatchObject({ code: 'malformed-json', requestId: 'trace-400' });
    const deep = await t.http
      .post('/api/auth/login')
      .set({ 'content-type': 'application/json', 'X-Request-Id': 'trace-deep' })
      .send(`${'{"a":'.repeat(150)}1${'}'.repeat(150)}`);
    expect(deep.status).toBe(400);
    expect(deep.body).toMatchObject({ code: 'body-too-deep', requestId: 'trace-deep' });
  });

  it('logs a failed sign-in as a warning and never the password', async () => {
    await t.http
      .post('/api/auth/login')
      .set('X-Request-Id', 'trace-login')
      .send({ username: 'agent', password: 'wrong-password-123' })
      .expect(401);
    const line = lines().find((entry) => entry.requestId === 'trace-login' && entry.res !== undefined);
    expect(line).toMatchObject({ level: 'warn', res: { statusCode: 401 } });
    expect(logged).not.toContain('wrong-password-123');
  });
});
