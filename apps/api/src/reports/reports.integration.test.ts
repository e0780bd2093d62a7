import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { ticketClient } from '../../test/ticket-helpers.js';

const HOUR = 3_600_000;
const T0 = Date.parse('2026-03-02T08:00:00Z');
const at = (hours: number) => new Date(T0 + hours * HOUR).toISOString();

/** A review → approval loop whose node names include a comma and quotes (for CSV escaping). */
const KNOWN = {
  schemaVersion: 1,
  key: 'report-known',
  name: 'Report known answers',
  fields: [],
  nodes: [
    { id: 'start', type: 'start' },
    { id: 'review', type: 'task', name: 'Review, "first" pass', assignee: { role: 'agent' } },
    {
      id: 'approve',
      type: 'approval',
      name: 'Finance approval',
      approvers: { role: 'finance' },
      policy: { type: 'any' },
    },
    { id: 'done', type: 'end', outcome: 'resolved' },
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'review' },
    { id: 'e2', source: 'review', target: 'approve', on: 'completed' },
    { id: 'e3', source: 'approve', target: 'done', on: 'approved' },
    { id: 'e4', source: 'approve', target: 'review', on: 'rejected' },
  ],
};

type Move = [event: string, from: string | null, to: string | null, hours: number, payload?: object];

/**
 * Seeds tickets of `report-known` with controlled timestamps straight into the
 * tables (transitions fire the node_visits trigger as the engine's inserts do).
 */
async function seedKnownHistory(t: TestApp) {
  const db = t.db.dataSource;
  const [{ id: requester }] = (await db.query(`SELECT id FROM users WHERE username = 'requester'`)) as [
    { id: string },
  ];
  const users = new Map(
    ((await db.query(`SELECT id, username FROM users`)) as { id: string; username: string }[]).map((u) => [
      u.username,
      u.id,
    ]),
  );
  const [{ id: versionId }] = (await db.query(
    `SELECT id FROM workflow_versions WHERE key = 'report-known' AND version = 1`,
  )) as [{ id: string }];

  async function ticket(
    title: string,
    status: string,
    closedHours: number | null,
    moves: Move[],
    channel = 'web',
  ) {
    const [row] = (await db.query(
      `INSERT INTO tickets (workflow_key, title, priority, channel, requester_id, status, outcome, created_at, closed_at)
       VALUES ('report-known', $1, 'high', $2, $3, $4, $5, $6, $7) RETURNING id`,
      [
        title,
        channel,
        requester,
        status,
        status === 'completed' ? 'resolved' : null,
        at(0),
        closedHours === null ? null : at(closedHours),
      ],
    )) as { id: string }[];
    const [instance] = (await db.query(
      `INSERT INTO instances (ticket_id, version_id, snapshot, status, seq) VALUES ($1, $2, '{}', $3, $4) RETURNING id`,
      [row!.id, versionId, status, moves.length],
    )) as { id: string }[];
    let seq = 0;
    for (const [event, from, to, hours, payload] of moves) {
      seq += 1;
      await db.query(
        `INSERT INTO transitions (instance_id, seq, event, from_node, to_node, payload, at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [instance!.id, seq, event, from, to, payload ? JSON.stringify(payload) : null, at(hours)],
      );
    }
    return { ticketId: row!.id, instanceId: instance!.id };
  }

  async function task(
    ids: { ticketId: string; instanceId: string },
    key: string,
    kind: 'task' | 'approval',
    created: number,
    done: number | null,
    due: number | null,
    assignee?: string,
  ) {
    const nodeId = key.split('#')[0]!;
    const [row] = (await db.query(
      `INSERT INTO tasks (instance_id, ticket_id, task_key, node_id, kind, name, status, candidate_role, assignee_id, due_at, created_at, completed_at)
       VALUES ($1, $2, $3, $4, $5, $4, $6, $7, $8, $9, $10, $11) RETURNING id`,
      [
        ids.instanceId,
        ids.ticketId,
        key,
        nodeId,
        kind,
        done === null ? 'open' : 'completed',
        kind === 'task' ? 'agent' : 'finance',
        assignee ? users.get(assignee) : null,
        due === null ? null : at(due),
        at(created),
        done === null ? null : at(done),
      ],
    )) as { id: string }[];
    return row!.id;
  }
  const vote = (taskId: string, username: string, decision: string, hours: number) =>
    db.query(`INSERT INTO approval_votes (task_id, user_id, decision, at) VALUES ($1, $2, $3, $4)`, [
      taskId,
      users.get(username),
      decision,
      at(hours),
    ]);

  // A: review 1 h, approval 1 h (a vote halfway is bookkeeping, not a move); cycle 2 h.
  const a = await ticket('A', 'completed', 2, [
    ['start', null, 'start', 0],
    ['auto', 'start', 'review', 0],
    ['task.complete', 'review', 'approve', 1],
    ['approval.decide', 'approve', 'approve', 1.5, { kind: 'vote', decision: 'approved' }],
    ['approval.decide', 'approve', 'done', 2],
  ]);
  await task(a, 'review#1', 'task', 0, 1, 1.5, 'agent');
  const aApprove = await task(a, 'approve#1', 'approval', 1, 2, null);
  await vote(aApprove, 'finance1', 'approved', 1.5);
  await vote(aApprove, 'finance2', 'approved', 2);

  // B: rejected once, so review and approval are each entered twice (2 h + 2 h, 1 h + 1 h); cycle 6 h.
  const b = await ticket(
    'B',
    'completed',
    6,
    [
      ['start', null, 'start', 0],
      ['auto', 'start', 'review', 0],
      ['task.complete', 'review', 'approve', 2],
      ['approval.decide', 'approve', 'review', 3],
      ['task.complete', 'review', 'approve', 5],
      ['approval.decide', 'approve', 'done', 6],
    ],
    'email',
  );
  await task(b, 'review#1', 'task', 0, 2, 1.5, 'agent');
  const bApprove1 = await task(b, 'approve#1', 'approval', 2, 3, null);
  await task(b, 'review#2', 'task', 3, 5, 4.5, 'agent');
  const bApprove2 = await task(b, 'approve#2', 'approval', 5, 6, null);
  await vote(bApprove1, 'finance1', 'rejected', 3);
  await vote(bApprove2, 'finance1', 'approved', 6);

  // C: still at the approval (open, past due, nobody has taken it); review took 3 h.
  const c = await ticket('C', 'active', null, [
    ['start', null, 'start', 0],
    ['auto', 'start', 'review', 0],
    ['task.complete', 'review', 'approve', 3],
  ]);
  await task(c, 'review#1', 'task', 0, 3, 1.5, 'agent');
  await task(c, 'approve#1', 'approval', 3, null, 4);
  return { a, b, c, versionId, requester };
}

describe('reports over a seeded history with known answers', () => {
  let t: TestApp;
  let manager: { Authorization: string };
  let seeded: Awaited<ReturnType<typeof seedKnownHistory>>;
  const get = (path: string, headers = manager) => t.http.get(path).set(headers);
  const known = 'workflowKey=report-known';

  beforeAll(async () => {
    t = await startTestApp();
    await ticketClient(t).publish(KNOWN);
    seeded = await seedKnownHistory(t);
    manager = await ticketClient(t).auth('manager');
  });
  afterAll(async () => t?.close());

  it('rolls transitions up into node visits with exact durations, loops numbered and votes ignored', async () => {
    const rows = (await t.db.dataSource.query(
      `SELECT node_id, visit, duration_ms, left_at IS NULL AS open FROM node_visits WHERE instance_id = $1 ORDER BY entered_at, node_id DESC`,
      [seeded.b.instanceId],
    )) as { node_id: string; visit: number; duration_ms: string | null; open: boolean }[];
    expect(
      rows.map((r) => [r.node_id, r.visit, r.duration_ms === null ? null : Number(r.duration_ms), r.open]),
    ).toEqual([
      ['start', 1, 0, false],
      ['review', 1, 2 * HOUR, false],
      ['approve', 1, HOUR, false],
      ['review', 2, 2 * HOUR, false],
      ['approve', 2, HOUR, false],
      ['done', 1, null, true],
    ]);
    const a = (await t.db.dataSource.query(
      `SELECT node_id, duration_ms FROM node_visits WHERE instance_id = $1 AND node_id = 'approve'`,
      [seeded.a.instanceId],
    )) as { duration_ms: string }[];
    expect(a.map((r) => Number(r.duration_ms))).toEqual([HOUR]);
  });

  it('measures parallel branches per node and visit: a join waits from the first arrival to the last, a cancel ends open visits', async () => {
    const db = t.db.dataSource;
    const [{ id: instanceId }] = (await db.query(
      `WITH t AS (INSERT INTO tickets (workflow_key, title, requester_id) VALUES ('report-known', 'P', $2) RETURNING id)
       INSERT INTO instances (ticket_id, version_id, snapshot, status) SELECT t.id, $1, '{}', 'completed' FROM t RETURNING id`,
      [seeded.versionId, seeded.requester],
    )) as [{ id: string }];
    const moves: Move[] = [
      ['start', null, 'start', 0],
      ['auto', 'start', 'split', 0],
      ['auto', 'split', 'left', 0, { kind: 'note' }],
      ['auto', 'split', 'right', 0, { kind: 'note' }],
      ['task.complete', 'left', 'join', 1],
      ['task.complete', 'right', 'join', 3],
      ['auto', 'join', 'done', 3],
    ];
    // Written in one multi-row INSERT, as the engine writes a step.
    await db.query(
      `INSERT INTO transitions (instance_id, seq, event, from_node, to_node, payload, at) VALUES ${moves.map((_, i) => `($1, ${i + 1}, $${i * 5 + 2}, $${i * 5 + 3}, $${i * 5 + 4}, $${i * 5 + 5}, $${i * 5 + 6})`).join(', ')}`,
      [
        instanceId,
        ...moves.flatMap(([event, from, to, hours, payload]) => [
          event,
          from,
          to,
          payload ? JSON.stringify(payload) : null,
          at(hours),
        ]),
      ],
    );
    const visits = async (id: string) =>
      (
        (await db.query(
          `SELECT node_id, visit, duration_ms FROM node_visits WHERE instance_id = $1 ORDER BY node_id, visit`,
          [id],
        )) as { node_id: string; visit: number; duration_ms: string | null }[]
      ).map((r) => [r.node_id, r.visit, r.duration_ms === null ? null : Number(r.duration_ms)]);
    expect(await visits(instanceId)).toEqual([
      ['done', 1, null],
      ['join', 1, 2 * HOUR],
      ['left', 1, HOUR],
      ['right', 1, 3 * HOUR],
      ['split', 1, 0],
      ['start', 1, 0],
    ]);

    const [{ id: cancelled }] = (await db.query(
      `WITH t AS (INSERT INTO tickets (workflow_key, title, requester_id) VALUES ('report-known', 'X', $2) RETURNING id)
       INSERT INTO instances (ticket_id, version_id, snapshot, status) SELECT t.id, $1, '{}', 'cancelled' FROM t RETURNING id`,
      [seeded.versionId, seeded.requester],
    )) as [{ id: string }];
    const cancelMoves: Move[] = [
      ['start', null, 'start', 0],
      ['auto', 'start', 'review', 0],
      ['incident', 'review', null, 0.25, { kind: 'note' }],
      ['cancel', null, null, 0.5, { kind: 'note' }],
      ['cancel', 'review', null, 0.5, { kind: 'note' }],
    ];
    let seq = 0;
    for (const [event, from, to, hours, payload] of cancelMoves) {
      seq += 1;
      await db.query(
        `INSERT INTO transitions (instance_id, seq, event, from_node, to_node, payload, at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [cancelled, seq, event, from, to, payload ? JSON.stringify(payload) : null, at(hours)],
      );
    }
    expect(await visits(cancelled)).toEqual([
      ['review', 1, HOUR / 2],
      ['start', 1, 0],
    ]);
    // These two belong to no known answer below: take them out of the cohort again.
    await db.query(
      `UPDATE tickets SET workflow_key = 'report-other' WHERE id IN (SELECT ticket_id FROM instances WHERE id = ANY($1))`,
      [[instanceId, cancelled]],
    );
  });

  it("records the engine's own transitions: a refund ticket reviewed and waiting for finance", async () => {
    const client = ticketClient(t);
    const ticket = await client.createTicket('requester', {
      workflowKey: 'refund-approval',
      title: 'Rollup',
      fields: { refundAmount: 6200 },
    });
    await client.attachReceipt(ticket.id);
    expect(
      (await client.act('agent', (await client.taskFor('agent', ticket.id, 'review')).id, 'complete')).status,
    ).toBe(200);
    const rows = (await t.db.dataSource.query(
      `SELECT nv.node_id, nv.visit, nv.left_at IS NULL AS open FROM node_visits nv JOIN instances i ON i.id = nv.instance_id WHERE i.ticket_id = $1 ORDER BY nv.node_id`,
      [ticket.id],
    )) as { node_id: string; visit: number; open: boolean }[];
    expect(rows.map((r) => [r.node_id, r.visit, r.open])).toEqual([
      ['amount', 1, false],
      ['finance', 1, true],
      ['review', 1, false],
      ['start', 1, false],
    ]);
  });

  it('summary: created / completed / open, resolution rate, cycle time p50 / p90, rework', async () => {
    const response = await get(`/api/reports/summary?${known}&from=2026-03-01&to=2026-03-31`).expect(200);
    expect(response.body).toEqual({
      created: 3,
      completed: 2,
      cancelled: 0,
      open: 1,
      incidents: 0,
      resolutionRate: 0.6667,
      cycleTimeP50Ms: 4 * HOUR,
      cycleTimeP90Ms: 20_160_000,
      cycleTimeAvgMs: 4 * HOUR,
      reworkTickets: 1,
    });
    const empty = await get(`/api/reports/summary?${known}&from=2026-04-01&to=2026-04-30`).expect(200);
    expect(empty.body).toMatchObject({ created: 0, resolutionRate: null, cycleTimeP50Ms: null });
    const email = await get(`/api/reports/summary?${known}&channel=email&priority=high`).expect(200);
    expect(email.body).toMatchObject({ created: 1, completed: 1, cycleTimeP50Ms: 6 * HOUR });
  });

  it('node times: exact p50 / p90 per node from the rollup, tickets there now and rework', async () => {
    const rows = (await get(`/api/reports/node-times?${known}`).expect(200)).body as Record<
      string,
      unknown
    >[];
    const review = rows.find((r) => r.nodeId === 'review');
    const approve = rows.find((r) => r.nodeId === 'approve');
    // review: 1 h (A), 2 h + 2 h (B), 3 h (C) → p50 2 h, p90 2.7 h (interpolated).
    expect(review).toMatchObject({
      nodeName: 'Review, "first" pass',
      nodeType: 'task',
      visits: 4,
      tickets: 3,
      p50Ms: 2 * HOUR,
      p90Ms: 9_720_000,
      avgMs: 2 * HOUR,
      maxMs: 3 * HOUR,
      inProgress: 0,
      reworkTickets: 1,
      maxVisits: 2,
    });
    // approve: 1 h (A), 1 h + 1 h (B); C is there now.
    expect(approve).toMatchObject({
      visits: 3,
      tickets: 3,
      p50Ms: HOUR,
      p90Ms: HOUR,
      inProgress: 1,
      reworkTickets: 1,
      maxVisits: 2,
    });
    expect(rows[0]?.nodeId).toBe('review');
  });

  it('SLA: steps met / breached against their due time, open past due counted as breached', async () => {
    const rows = (await get(`/api/reports/sla?${known}`).expect(200)).body as Record<string, unknown>[];
    expect(rows.filter((r) => r.scope === 'step')).toEqual([
      {
        scope: 'step',
        workflowKey: 'report-known',
        version: 1,
        key: 'approve',
        name: 'Finance approval',
        total: 1,
        met: 0,
        breached: 1,
        breachedOpen: 1,
        pending: 0,
        compliance: 0,
      },
      {
        scope: 'step',
        workflowKey: 'report-known',
        version: 1,
        key: 'review',
        name: 'Review, "first" pass',
        total: 4,
        met: 1,
        breached: 3,
        breachedOpen: 0,
        pending: 0,
        compliance: 0.25,
      },
    ]);
  });

  it('SLA: ticket clocks are reported when the sla_clocks table exists', async () => {
    const db = t.db.dataSource;
    const [{ present }] = (await db.query(`SELECT to_regclass('sla_clocks') IS NOT NULL AS present`)) as [
      { present: boolean },
    ];
    if (!present) return;
    await db.query(
      `INSERT INTO sla_clocks (ticket_id, kind, target_minutes, business_hours, warn_before_percent, pause_while_waiting, breach_action, status, started_at, due_at, stopped_at, breached_at)
       VALUES ($1, 'resolution', 240, false, 20, false, 'notify', 'met', $4, $5, $6, NULL),
              ($2, 'resolution', 240, false, 20, false, 'notify', 'breached', $4, $5, $7, $5),
              ($3, 'resolution', 240, false, 20, false, 'notify', 'running', $4, $5, NULL, NULL)`,
      [seeded.a.ticketId, seeded.b.ticketId, seeded.c.ticketId, at(0), at(4), at(2), at(6)],
    );
    const rows = (await get(`/api/reports/sla?${known}`).expect(200)).body as Record<string, unknown>[];
    expect(rows.filter((r) => r.scope === 'ticket')).toEqual([
      {
        scope: 'ticket',
        workflowKey: 'report-known',
        version: null,
        key: 'resolution',
        name: 'resolution',
        total: 3,
        met: 1,
        breached: 2,
        breachedOpen: 1,
        pending: 0,
        compliance: 0.3333,
      },
    ]);
  });

  it('approvals: turnaround per approver and per group (vote time − step opened)', async () => {
    const rows = (await get(`/api/reports/approvals?${known}`).expect(200)).body as Record<string, unknown>[];
    expect(rows).toEqual(
      [
        {
          group: 'finance',
          approver: null,
          approverName: null,
          votes: 4,
          approved: 3,
          rejected: 1,
          p50Ms: HOUR,
          p90Ms: HOUR,
          avgMs: 0.875 * HOUR,
        },
        {
          group: 'finance',
          approver: 'finance1',
          approverName: 'Fei Finance',
          votes: 3,
          approved: 2,
          rejected: 1,
          p50Ms: HOUR,
          p90Ms: HOUR,
          avgMs: (2.5 / 3) * HOUR,
        },
        {
          group: 'finance',
          approver: 'finance2',
          approverName: 'Fred Finance',
          votes: 1,
          approved: 1,
          rejected: 0,
          p50Ms: HOUR,
          p90Ms: HOUR,
          avgMs: HOUR,
        },
      ].map((row) => ({ ...row, avgMs: Math.round(row.avgMs) })),
    );
  });

  it('waiting and workload: where tickets are now and who holds the open steps', async () => {
    const waiting = (await get(`/api/reports/waiting?${known}`).expect(200)).body as Record<
      string,
      unknown
    >[];
    expect(waiting).toEqual([
      expect.objectContaining({
        nodeId: 'approve',
        nodeName: 'Finance approval',
        tickets: 1,
        openTasks: 1,
        unassigned: 1,
        overdue: 1,
        oldestSince: at(3),
      }),
    ]);
    const workload = (await get(`/api/reports/workload?${known}`).expect(200)).body as {
      username: string;
      assigned: number;
      pool: number;
    }[];
    expect(workload.map((w) => [w.username, w.assigned, w.pool])).toEqual([
      ['finance1', 0, 1],
      ['finance2', 0, 1],
    ]);
    const agentGroup = (await get(`/api/reports/workload?${known}&group=agent`).expect(200))
      .body as unknown[];
    expect(agentGroup).toEqual([]);
  });

  it('trend per day and the cycle-time histogram', async () => {
    const trend = (await get(`/api/reports/trend?${known}&from=2026-03-01&to=2026-03-03`).expect(200)).body;
    expect(trend).toEqual([
      { day: '2026-03-01', created: 0, completed: 0, cancelled: 0 },
      { day: '2026-03-02', created: 3, completed: 2, cancelled: 0 },
      { day: '2026-03-03', created: 0, completed: 0, cancelled: 0 },
    ]);
    const histogram = (await get(`/api/reports/cycle-time?${known}`).expect(200)).body as {
      bucket: string;
      tickets: number;
    }[];
    expect(histogram.filter((b) => b.tickets > 0)).toEqual([
      expect.objectContaining({ bucket: '1h-4h', tickets: 1 }),
      expect.objectContaining({ bucket: '4h-8h', tickets: 1 }),
    ]);
    expect(histogram).toHaveLength(8);
  });

  it('exports CSV with escaping and a file name', async () => {
    const response = await get(`/api/reports/node-times?${known}&version=1&format=csv`).expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="ticketflow-node-times-report-known-v1-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const lines = response.text
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe(
      'workflowKey,version,nodeId,nodeName,nodeType,visits,tickets,p50Ms,p90Ms,avgMs,maxMs,inProgress,reworkTickets,maxVisits',
    );
    expect(lines[1]).toBe(
      `report-known,1,review,"Review, ""first"" pass",task,4,3,${2 * HOUR},9720000,${2 * HOUR},${3 * HOUR},0,1,2`,
    );
    const summary = await get(`/api/reports/summary?${known}&format=csv`).expect(200);
    expect(summary.text.trimEnd().split('\r\n')).toHaveLength(2);
  });

  it('rejects bad filters with a 400 that names the field', async () => {
    const badDate = await get('/api/reports/summary?from=2026-13-45').expect(400);
    expect(badDate.body).toMatchObject({
      code: 'invalid-input',
      details: [expect.objectContaining({ field: 'from' })],
    });
    expect(badDate.body.message).toMatch(/from must be an ISO-8601 date/);
    const badTo = await get('/api/reports/trend?to=yesterday').expect(400);
    expect(badTo.body.details[0].field).toBe('to');
    const reversed = await get('/api/reports/summary?from=2026-03-10&to=2026-03-01').expect(400);
    expect(reversed.body).toMatchObject({ code: 'invalid-range' });
    await get('/api/reports/summary?version=2').expect(400);
    await get('/api/reports/summary?channel=fax').expect(400);
    await get('/api/reports/summary?format=xlsx').expect(400);
    await get('/api/reports/summary?sneaky=1').expect(400);
  });

  it('lets managers and admins read everything, process owners only the flow reports', async () => {
    const client = ticketClient(t);
    await get('/api/reports/summary', await client.auth('admin')).expect(200);
    await get('/api/reports/summary', await client.auth('owner')).expect(403);
    await get('/api/reports/node-times', await client.auth('owner')).expect(200);
    await get('/api/reports/waiting', await client.auth('owner')).expect(200);
    await get('/api/reports/approvals', await client.auth('agent')).expect(403);
    await get('/api/reports/node-times', await client.auth('requester')).expect(403);
    const options = (await get('/api/reports/options').expect(200)).body as {
      workflows: { key: string; versions: number[] }[];
      groups: { name: string }[];
    };
    expect(options.workflows.find((w) => w.key === 'report-known')?.versions).toEqual([1]);
    expect(options.groups.map((g) => g.name)).toContain('finance');
  });
});
