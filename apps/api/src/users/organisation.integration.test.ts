import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/test-app.js';

interface Person {
  id: string;
  username: string;
  manager: string | null;
  groups: string[];
  regions: string[];
  skills: string[];
}

describe('organisation directory API', () => {
  let t: TestApp;
  let admin: { Authorization: string };
  const people = async () =>
    (await t.http.get('/api/users/organisation').set(admin).expect(200)).body as Person[];
  const person = async (username: string) =>
    (await people()).find((row) => row.username === username) as Person;
  const put = async (username: string, body: unknown) =>
    t.http
      .put(`/api/users/${(await person(username)).id}/organisation`)
      .set(admin)
      .send(body as object);
  const importCsv = (csv: string, dryRun = false) =>
    t.http.post('/api/users/organisation/import').set(admin).send({ csv, dryRun });

  beforeAll(async () => {
    t = await startTestApp();
    admin = { Authorization: `Bearer ${await t.login('admin')}` };
  });
  afterAll(async () => t?.close());

  it('lists the seeded reporting line, groups and regions', async () => {
    expect(await person('requester')).toMatchObject({ manager: 'manager', regions: ['east'] });
    expect(await person('areamgr-west')).toMatchObject({
      manager: 'admin',
      groups: ['store-owners'],
      regions: ['west'],
    });
  });

  it('changes only what is sent, and audits it', async () => {
    const response = await put('engineer1', {
      regions: ['line-1', 'line-3'],
      groups: ['maintenance', 'night-shift'],
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      manager: 'manager',
      regions: ['line-1', 'line-3'],
      groups: ['maintenance', 'night-shift'],
      skills: ['equipment-repair', 'plc'],
    });
    const [audit] = (await t.db.dataSource.query(
      `SELECT details FROM audit_log WHERE action = 'user.organisation-change' ORDER BY id DESC LIMIT 1`,
    )) as { details: unknown }[];
    expect(audit?.details).toMatchObject({ regions: ['line-1', 'line-3'] });
  });

  it('refuses a manager who would close a reporting loop, naming the field and the loop', async () => {
    // admin ← areamgr-east ← manager ← requester: making admin report to requester closes the loop.
    const response = await put('admin', { manager: 'requester' });
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ code: 'manager-loop', details: [{ field: 'manager' }] });
    expect(response.body.message).toContain('admin → requester → manager → areamgr-east → admin');
    expect((await put('manager', { manager: 'manager' })).status).toBe(422);
    expect((await person('admin')).manager).toBeNull();
  });

  it('answers 400 naming the field for an unknown manager or a bad name, and 404 for an unknown user', async () => {
    const unknown = await put('agent', { manager: 'nobody' });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ code: 'unknown-user', details: [{ field: 'manager' }] });
    const bad = await put('agent', { regions: ['east;west'] });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('regions');
    const missing = await t.http
      .put('/api/users/00000000-0000-4000-8000-000000000000/organisation')
      .set(admin)
      .send({ groups: [] });
    expect(missing.status).toBe(404);
  });

  it('imports a CSV: every row at once, managers set within the same file', async () => {
    const csv = [
      'username,manager,groups,regions',
      'cab2,cab3,change-board;security,',
      'cab3,cab1,change-board,east',
      '',
    ].join('\n');
    const dry = await importCsv(csv, true);
    expect(dry.status).toBe(200);
    expect(dry.body).toEqual({ dryRun: true, changed: ['cab2', 'cab3'], unchanged: [] });
    expect((await person('cab2')).manager).toBe('cab1');
    const done = await importCsv(csv);
    expect(done.body).toMatchObject({ dryRun: false, changed: ['cab2', 'cab3'] });
    expect(await person('cab2')).toMatchObject({
      manager: 'cab3',
      groups: ['change-board', 'security'],
      regions: [],
    });
    expect(await person('cab3')).toMatchObject({ manager: 'cab1', regions: ['east'] });
  });

  it('writes nothing when any row is bad, and reports each bad row by line and column', async () => {
    const before = await people();
    const csv = [
      'username,manager,skills',
      'finance2,finance1,budgets',
      'ghost,finance1,',
      'finance1,nobody,',
      'agent,manager,refunds;re|turns',
      'finance2,admin,',
      'admin,requester,',
    ].join('\n');
    const response = await importCsv(csv);
    expect(response.status).toBe(422);
    expect(response.body.code).toBe('import-rejected');
    expect(response.body.details).toEqual([
      { line: 3, username: 'ghost', field: 'username', message: '"ghost" is not a user' },
      { line: 4, username: 'finance1', field: 'manager', message: '"nobody" is not a user' },
      expect.objectContaining({ line: 5, username: 'agent', field: 'skills' }),
      expect.objectContaining({ line: 6, username: 'finance2', field: 'username' }),
      expect.objectContaining({
        line: 7,
        username: 'admin',
        field: 'manager',
        message: expect.stringContaining('reporting loop'),
      }),
    ]);
    expect(await people()).toEqual(before);
  });

  it('refuses an import whose rows together make a loop', async () => {
    const response = await importCsv('username,manager\nfinance1,finance2\nfinance2,finance1\n');
    expect(response.status).toBe(422);
    expect(response.body.details).toEqual([
      expect.objectContaining({
        line: 2,
        field: 'manager',
        message: 'would make a reporting loop: finance1 → finance2 → finance1',
      }),
    ]);
  });

  it('refuses an unknown column before anything else', async () => {
    const response = await importCsv('username,password\nagent,x\n');
    expect(response.status).toBe(422);
    expect(response.body.details).toEqual([expect.objectContaining({ line: 1, field: 'header' })]);
  });

  it('is for admins only', async () => {
    const owner = { Authorization: `Bearer ${await t.login('owner')}` };
    expect((await t.http.get('/api/users/organisation').set(owner)).status).toBe(403);
    expect(
      (await t.http.post('/api/users/organisation/import').set(owner).send({ csv: 'username\nowner\n' }))
        .status,
    ).toBe(403);
    const id = (await person('owner')).id;
    expect(
      (await t.http.put(`/api/users/${id}/organisation`).set(owner).send({ manager: null })).status,
    ).toBe(403);
  });
});
