import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { ticketClient } from '../../test/ticket-helpers.js';

/** Version 1: the approval `approve` is the manager's. */
const V1 = {
  schemaVersion: 1,
  key: 'report-versions',
  name: 'Reports by version',
  fields: [],
  nodes: [
    { id: 'start', type: 'start' },
    {
      id: 'approve',
      type: 'approval',
      name: 'Manager approval',
      approvers: { role: 'manager' },
      policy: { type: 'any' },
    },
    { id: 'done', type: 'end', outcome: 'resolved' },
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'approve' },
    { id: 'e2', source: 'approve', target: 'done', on: 'approved' },
    { id: 'e3', source: 'approve', target: 'done', on: 'rejected' },
  ],
};

/** Version 2 reuses the node id `approve` for another step: the team lead's approval. */
const V2 = {
  ...V1,
  nodes: [
    { id: 'start', type: 'start' },
    {
      id: 'approve',
      type: 'approval',
      name: 'Team lead approval',
      approvers: { role: 'agent' },
      policy: { type: 'any' },
    },
    { id: 'done', type: 'end', outcome: 'resolved' },
  ],
};

describe('reports keyed by version and node', () => {
  let t: TestApp;
  let manager: { Authorization: string };
  const get = (path: string) => t.http.get(path).set(manager);

  beforeAll(async () => {
    t = await startTestApp();
    const client = ticketClient(t);
    await client.publish(V1);
    await client.createTicket('requester', { workflowKey: 'report-versions', title: 'On v1', fields: {} });
    await client.publish(V2);
    await client.createTicket('requester', {
      workflowKey: 'report-versions',
      title: 'On v2, first',
      fields: {},
    });
    await client.createTicket('requester', {
      workflowKey: 'report-versions',
      title: 'On v2, second',
      fields: {},
    });
    manager = await client.auth('manager');
  });
  afterAll(async () => t?.close());

  it('reports a v1 ticket at "Manager approval" under v1, never under v2\'s "Team lead approval"', async () => {
    const waiting = (await get('/api/reports/waiting?workflowKey=report-versions').expect(200))
      .body as Record<string, unknown>[];
    expect(waiting.map((r) => [r.version, r.nodeId, r.nodeName, r.tickets, r.openTasks])).toEqual([
      [2, 'approve', 'Team lead approval', 2, 2],
      [1, 'approve', 'Manager approval', 1, 1],
    ]);
    const nodeTimes = (await get('/api/reports/node-times?workflowKey=report-versions').expect(200))
      .body as Record<string, unknown>[];
    const approvals = nodeTimes
      .filter((r) => r.nodeId === 'approve')
      .map((r) => [r.version, r.nodeName, r.tickets, r.inProgress]);
    expect(approvals).toEqual(
      expect.arrayContaining([
        [1, 'Manager approval', 1, 1],
        [2, 'Team lead approval', 2, 2],
      ]),
    );
    expect(approvals).toHaveLength(2);
  });

  it('narrows to one version with the version filter', async () => {
    const v1 = (await get('/api/reports/waiting?workflowKey=report-versions&version=1').expect(200))
      .body as Record<string, unknown>[];
    expect(v1.map((r) => [r.version, r.nodeName, r.tickets])).toEqual([[1, 'Manager approval', 1]]);
  });

  it("buckets trend days in the organisation's time zone, which only an admin sets", async () => {
    const client = ticketClient(t);
    const admin = await client.auth('admin');
    // A ticket created at 23:30 UTC on 2 March: already 3 March in Shanghai.
    const [{ id: requester }] = (await t.db.dataSource.query(
      `SELECT id FROM users WHERE username = 'requester'`,
    )) as [{ id: string }];
    await t.db.dataSource.query(
      `INSERT INTO tickets (workflow_key, title, priority, channel, requester_id, status, created_at) VALUES ('report-versions', 'late', 'normal', 'web', $1, 'active', '2026-03-02T23:30:00Z')`,
      [requester],
    );
    const [{ id: versionId }] = (await t.db.dataSource.query(
      `SELECT id FROM workflow_versions WHERE key = 'report-versions' AND version = 1`,
    )) as [{ id: string }];
    await t.db.dataSource.query(
      `INSERT INTO instances (ticket_id, version_id, snapshot, status, seq) SELECT id, $1, '{}', 'active', 0 FROM tickets WHERE title = 'late'`,
      [versionId],
    );
    const trend = (from: string) =>
      get(`/api/reports/trend?workflowKey=report-versions&from=${from}&to=2026-03-03`).expect(200);

    const utc = (await trend('2026-03-02')).body as { day: string; created: number }[];
    expect(utc.map((d) => [d.day, d.created])).toEqual([
      ['2026-03-02', 1],
      ['2026-03-03', 0],
    ]);

    expect((await t.http.get('/api/settings/organisation').set(manager).expect(200)).body).toEqual({
      timeZone: 'UTC',
    });
    await t.http
      .put('/api/settings/organisation')
      .set(manager)
      .send({ timeZone: 'Asia/Shanghai' })
      .expect(403);
    const bad = await t.http
      .put('/api/settings/organisation')
      .set(admin)
      .send({ timeZone: 'Mars/Olympus' })
      .expect(400);
    expect(bad.body).toMatchObject({ code: 'invalid-timezone', details: [{ field: 'timeZone' }] });
    await t.http
      .put('/api/settings/organisation')
      .set(admin)
      .send({ timeZone: 'Asia/Shanghai', extra: 1 })
      .expect(400);
    await t.http.put('/api/settings/organisation').set(admin).send({ timeZone: 'Asia/Shanghai' }).expect(200);

    const shanghai = (await trend('2026-03-02')).body as { day: string; created: number }[];
    expect(shanghai.map((d) => [d.day, d.created])).toEqual([
      ['2026-03-02', 0],
      ['2026-03-03', 1],
    ]);
  });

  it('takes an IANA zone for the business calendar and refuses an unknown one', async () => {
    const admin = await ticketClient(t).auth('admin');
    const calendar = {
      workingDays: [1, 2, 3, 4, 5],
      startMinute: 540,
      endMinute: 1080,
      timeZone: 'Europe/Berlin',
      holidays: [],
    };
    const saved = await t.http.put('/api/settings/business-calendar').set(admin).send(calendar).expect(200);
    expect(saved.body).toEqual({ ...calendar, utcOffsetMinutes: 0 });
    const bad = await t.http
      .put('/api/settings/business-calendar')
      .set(admin)
      .send({ ...calendar, timeZone: 'Berlin' })
      .expect(400);
    expect(bad.body.code).toBe('invalid-timezone');
  });
});
