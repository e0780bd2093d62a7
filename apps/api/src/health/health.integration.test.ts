import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { Readiness } from './readiness.js';

describe('GET /api/health', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t?.close());

  it('says ok and which database it runs on', async () => {
    const response = await t.http.get('/api/health').expect(200);
    expect(response.body).toEqual({
      status: 'ok',
      database: process.env.DATABASE_URL ? 'postgres' : 'embedded',
    });
  });

  it('answers unknown routes with a 404 in the error format', async () => {
    const response = await t.http.get('/api/nope').expect(404);
    expect(response.body).toMatchObject({ statusCode: 404, code: 'route-not-found' });
  });

  it('answers malformed JSON with a 400, not a 500', async () => {
    const response = await t.http
      .post('/api/auth/login')
      .set('content-type', 'application/json')
      .send('{"username":')
      .expect(400);
    expect(response.body).toMatchObject({ statusCode: 400, code: 'malformed-json' });
  });

  it('serves the OpenAPI document', async () => {
    const response = await t.http.get('/api/docs-json').expect(200);
    expect(response.body.paths).toHaveProperty('/api/tickets');
  });

  // Last: draining cannot be undone.
  it('is ready when migrations are applied, and answers 503 not-ready once draining while liveness stays 200', async () => {
    expect((await t.http.get('/api/health/ready').expect(200)).body).toEqual({
      status: 'ready',
      database: process.env.DATABASE_URL ? 'postgres' : 'embedded',
    });
    t.app.get(Readiness).startDraining();
    const draining = await t.http.get('/api/health/ready').expect(503);
    expect(draining.body).toMatchObject({
      statusCode: 503,
      code: 'not-ready',
      details: { reason: 'draining' },
    });
    await t.http.get('/api/health').expect(200);
  });

  it('says which migrations are missing instead of ready', async () => {
    await t.db.dataSource.query(`DELETE FROM migrations WHERE name = 'HousekeepingIndexes1765000100000'`);
    try {
      const { countPendingMigrations } = await import('../database/database-connection.js');
      expect(await countPendingMigrations(t.db.dataSource)).toBe(1);
    } finally {
      await t.db.dataSource.query(
        `INSERT INTO migrations (timestamp, name) VALUES (1765000100000, 'HousekeepingIndexes1765000100000')`,
      );
    }
  });
});
