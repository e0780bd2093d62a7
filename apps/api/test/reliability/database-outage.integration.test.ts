import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MATRIX, type Call } from '../authorization-matrix.js';
import { startTestApp, type TestApp } from '../test-app.js';

const serverUrl = process.env.DATABASE_URL;

/** Runs one statement on the server (not in the app's database). */
async function onServer(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Issue 17, finding 8: while the database was down every route answered 500.
 * With the app's database refusing connections (and its sessions
 * terminated), every route of the matrix must answer 503
 * `database-unavailable` with Retry-After, and work again afterwards.
 */
describe.skipIf(!serverUrl)(
  'reliability: every route answers 503 with Retry-After while the database is down (needs DATABASE_URL: the embedded database runs inside the process and cannot go away on its own)',
  () => {
    let t: TestApp;
    let name: string;
    beforeAll(async () => {
      t = await startTestApp();
      name = new URL(t.config.databaseUrl as string).pathname.slice(1);
    });
    afterAll(async () => {
      await onServer(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`).catch(() => undefined);
      await t?.close();
    });

    it('answers 503 database-unavailable on every route, then recovers', async () => {
      const admin = { Authorization: `Bearer ${await t.login('admin')}` };
      const calls: { route: string; call: Call }[] = [];
      for (const entry of MATRIX) calls.push({ route: entry.route, call: await entry.setup(t) });
      await onServer(`ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
      await onServer(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${name}'`);
      const wrong: string[] = [];
      for (const { route, call } of calls) {
        const method = (route.split(' ')[0] as string).toLowerCase() as 'get' | 'post' | 'put' | 'delete';
        const request = t.http[method](call.path).set(admin);
        const response = call.body === undefined ? await request : await request.send(call.body as object);
        // Liveness (issue 20) answers for the process, not its database, so an outage does not restart
        // every replica; readiness (/api/health/ready) is the route that reports the database.
        if (route === 'GET /api/health') {
          if (response.status !== 200) wrong.push(`${route} (liveness): ${response.status}`);
          continue;
        }
        if (
          response.status !== 503 ||
          response.body.code !== 'database-unavailable' ||
          response.headers['retry-after'] === undefined
        ) {
          wrong.push(`${route}: ${response.status} ${JSON.stringify(response.body).slice(0, 200)}`);
        }
      }
      expect(wrong).toEqual([]);
      await onServer(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`);
      expect((await t.http.get('/api/auth/me').set(admin)).status).toBe(200);
      console.log(
        `reliability: database outage — ${calls.length - 1} routes answered 503 with Retry-After; liveness stayed 200`,
      );
    });
  },
);
