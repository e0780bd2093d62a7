import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { resolvedTicket } from '../../test/satisfaction-fixtures.js';

const BASE = Date.parse('2026-03-02T09:00:00Z');
const HOUR = 3_600_000;
const at = (hours: number) => new Date(BASE + hours * HOUR).toISOString();

/**
 * Known data: three refunds. The agent reviews all three (1 h, 2 h, 3 h; the
 * first two due after 1.5 h, so one met and one breached; the first review
 * came back later), the manager approves one (0.5 h) and rejects one
 * (10 min), finance1 approves the large one (4 h). The requester rates the
 * first ticket 5.
 */
describe('team performance report: per agent and per group, a manager sees their team only', () => {
  let t: TestApp;
  const as = async (username: string) => ({ Authorization: `Bearer ${await t.login(username)}` });
  const ids: string[] = [];

  const setTask = (ticketId: string, nodeId: string, opened: number, done: number, due: number | null) =>
    t.db.dataSource.query(
      'UPDATE tasks SET created_at = $3, completed_at = $4, due_at = $5 WHERE ticket_id = $1 AND node_id = $2',
      [ticketId, nodeId, at(opened), at(done), due === null ? null : at(due)],
    );

  beforeAll(async () => {
    t = await startTestApp();
    ids.push(
      await resolvedTicket(t, 40),
      await resolvedTicket(t, 6200),
      await resolvedTicket(t, 80, 'reject'),
    );
    const [small, large, rejected] = ids as [string, string, string];
    await setTask(small, 'review', 0, 1, 1.5);
    await setTask(large, 'review', 0, 2, 1.5);
    await setTask(rejected, 'review', 0, 3, null);
    await setTask(small, 'manager', 1, 1.5, null);
    await setTask(rejected, 'manager', 3, 3 + 1 / 6, null);
    await setTask(large, 'finance', 2, 6, 8);
    // The small refund's review was entered again after the agent completed it (the work came back).
    await t.db.dataSource.query(
      `INSERT INTO node_visits (instance_id, node_id, visit, entered_at) SELECT id, 'review', 9, $2 FROM instances WHERE ticket_id = $1`,
      [small, at(5)],
    );
    await t.http
      .post(`/api/tickets/${small}/satisfaction`)
      .set(await as('requester'))
      .send({ rating: 5 })
      .expect(200);
  });
  afterAll(async () => t?.close());

  const report = async (username: string, query = '') => {
    const response = await t.http.get(`/api/reports/team${query}`).set(await as(username));
    return { status: response.status, rows: response.body as Record<string, unknown>[], body: response.body };
  };
  const row = (rows: Record<string, unknown>[], scope: string, key: string) =>
    rows.find((entry) => entry.scope === scope && entry.key === key);

  it('gives an admin every agent and group with tickets, steps, median handling time, SLA, reopen rate and satisfaction', async () => {
    const { status, rows } = await report('admin');
    expect(status).toBe(200);
    expect(row(rows, 'agent', 'agent')).toEqual({
      scope: 'agent',
      key: 'agent',
      name: 'Alice Agent',
      ticketsHandled: 3,
      stepsCompleted: 3,
      medianHandlingMs: 2 * HOUR,
      slaSteps: 2,
      slaMet: 1,
      slaCompliance: 0.5,
      reopenedSteps: 1,
      reopenRate: 0.3333,
      ratings: 0,
      avgRating: null,
    });
    expect(row(rows, 'agent', 'manager')).toMatchObject({
      ticketsHandled: 2,
      stepsCompleted: 2,
      medianHandlingMs: 20 * 60_000,
      slaSteps: 0,
      slaCompliance: null,
      ratings: 1,
      avgRating: 5,
    });
    expect(row(rows, 'agent', 'finance1')).toMatchObject({
      stepsCompleted: 1,
      medianHandlingMs: 4 * HOUR,
      slaSteps: 1,
      slaMet: 1,
      slaCompliance: 1,
    });
    expect(row(rows, 'group', 'agent')).toMatchObject({ stepsCompleted: 3, ratings: 1, avgRating: 5 });
    expect(row(rows, 'group', 'finance')).toMatchObject({ stepsCompleted: 1, ratings: 0 });
    expect(rows.map((entry) => `${entry.scope}:${entry.key}`)).toEqual([
      'agent:agent',
      'agent:finance1',
      'agent:manager',
      'group:agent',
      'group:finance',
      'group:manager',
    ]);
  });

  it('applies the report filters: completion dates and a group', async () => {
    expect(
      (await report('admin', '?from=2026-03-02T10:45:00Z&to=2026-03-02T12:05:00Z')).rows.map(
        (entry) => `${entry.scope}:${entry.key}`,
      ),
    ).toEqual(['agent:agent', 'group:agent']);
    const finance = await report('admin', '?group=finance');
    expect(finance.rows.map((entry) => `${entry.scope}:${entry.key}`)).toEqual([
      'agent:finance1',
      'group:finance',
    ]);
    const csv = await t.http
      .get('/api/reports/team?format=csv')
      .set(await as('admin'))
      .expect(200);
    expect(csv.text.split('\r\n')[0]).toBe(
      '\uFEFFscope,key,name,ticketsHandled,stepsCompleted,medianHandlingMs,slaSteps,slaMet,slaCompliance,reopenedSteps,reopenRate,ratings,avgRating',
    );
    expect(csv.text).toContain('agent,agent,Alice Agent,3,3,7200000,2,1,0.5,1,0.3333,0,');
  });

  it('shows a manager their team only (shared regions, groups and roles), and refuses another group', async () => {
    const { rows } = await report('manager');
    expect(rows.map((entry) => `${entry.scope}:${entry.key}`)).toEqual([
      'agent:agent',
      'agent:manager',
      'group:agent',
      'group:manager',
    ]);
    const foreign = await report('manager', '?group=finance');
    expect(foreign.status).toBe(403);
    expect(foreign.body.code).toBe('not-your-group');
    expect(
      (await report('manager', '?group=agent')).rows.map((entry) => `${entry.scope}:${entry.key}`),
    ).toEqual(['agent:agent', 'group:agent']);
    const csv = await t.http
      .get('/api/reports/team?format=csv')
      .set(await as('manager'))
      .expect(200);
    expect(csv.text).not.toContain('finance1');
  });

  it('refuses people who are not managers, and a manager of nobody sees nothing', async () => {
    for (const username of ['agent', 'finance1', 'requester', 'owner'])
      expect((await report(username)).status).toBe(403);
    const [before] = (await t.db.dataSource.query(
      `SELECT regions, groups FROM users WHERE username = 'manager'`,
    )) as { regions: string[]; groups: string[] }[];
    await t.db.dataSource.query(`UPDATE users SET regions = '{}', groups = '{}' WHERE username = 'manager'`);
    try {
      expect((await report('manager')).rows.map((entry) => `${entry.scope}:${entry.key}`)).toEqual([
        'agent:manager',
        'group:manager',
      ]);
    } finally {
      await t.db.dataSource.query(`UPDATE users SET regions = $1, groups = $2 WHERE username = 'manager'`, [
        before?.regions ?? [],
        before?.groups ?? [],
      ]);
    }
  });
});
