import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/test-app.js';

describe("users' e-mail addresses", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t?.close());

  const as = async (username: string) => ({ Authorization: `Bearer ${await t.login(username)}` });
  const idOf = async (username: string) =>
    (
      (await t.db.dataSource.query('SELECT id FROM users WHERE username = $1', [username])) as {
        id: string;
      }[]
    )[0]!.id;

  it('seeds every demo user with an address on the reserved example.test domain', async () => {
    const list = (
      await t.http
        .get('/api/users')
        .set(await as('admin'))
        .expect(200)
    ).body as {
      username: string;
      email: string | null;
    }[];
    expect(list.find((user) => user.username === 'finance1')?.email).toBe('finance1@example.test');
    expect(list.every((user) => user.email === `${user.username}@example.test`)).toBe(true);
  });

  it('lets an admin set and remove an address, audited', async () => {
    const id = await idOf('engineer1');
    const set = await t.http
      .put(`/api/users/${id}/email`)
      .set(await as('admin'))
      .send({ email: '  Eli.Engineer@Factory.Example.COM ' });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ username: 'engineer1', email: 'Eli.Engineer@factory.example.com' });
    const removed = await t.http
      .put(`/api/users/${id}/email`)
      .set(await as('admin'))
      .send({ email: null });
    expect(removed.body.email).toBeNull();
    const audit = (await t.db.dataSource.query(
      `SELECT details FROM audit_log WHERE action = 'user.email-change' AND object_id = $1 ORDER BY id`,
      [id],
    )) as { details: { from: string | null; to: string | null } }[];
    expect(audit.map((row) => row.details.to)).toEqual(['Eli.Engineer@factory.example.com', null]);
  });

  it('refuses a malformed or overlong address with a 400 naming the field, and changes nothing', async () => {
    const id = await idOf('engineer2');
    for (const email of ['not an address', 'x@localhost', `${'a'.repeat(250)}@example.test`, 42, '']) {
      const response = await t.http
        .put(`/api/users/${id}/email`)
        .set(await as('admin'))
        .send({ email });
      expect(response.status, JSON.stringify(email)).toBe(400);
      expect(response.body.code).toBe('invalid-input');
      const details = response.body.details as { field: string; code: string; params?: unknown }[];
      expect(details.length).toBeGreaterThan(0);
      expect(details.every((detail) => detail.field === 'email')).toBe(true);
      if (typeof email === 'string' && email.length > 254)
        expect(details).toContainEqual(expect.objectContaining({ code: 'max-length', params: { max: 254 } }));
    }
    const missing = await t.http
      .put(`/api/users/${id}/email`)
      .set(await as('admin'))
      .send({});
    expect(missing.status).toBe(400);
    const [row] = (await t.db.dataSource.query('SELECT email FROM users WHERE id = $1', [id])) as {
      email: string | null;
    }[];
    expect(row?.email).toBe('engineer2@example.test');
  });

  it('answers 403 to anyone but an admin', async () => {
    const id = await idOf('cab1');
    const response = await t.http
      .put(`/api/users/${id}/email`)
      .set(await as('manager'))
      .send({ email: 'me@example.test' });
    expect(response.status).toBe(403);
  });
});
