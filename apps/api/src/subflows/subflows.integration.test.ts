import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { ticketClient } from '../../test/ticket-helpers.js';
import { claimHandbacks } from '../engine/workers/handback-store.js';
import { TimerScheduler } from '../engine/workers/timer-scheduler.js';
import { HandbackDispatcher } from './handback-dispatcher.js';

/** The child: the manager approves (a form field says who), finance takes over after two days. */
function managerApproval(extra: { approvedEnd?: string } = {}) {
  return {
    schemaVersion: 1,
    key: 'sf-manager-approval',
    name: 'Manager approval',
    fields: [
      { name: 'total', type: 'number' },
      { name: 'decidedBy', type: 'string' },
    ],
    nodes: [
      { id: 'start', type: 'start' },
      {
        id: 'approve',
        type: 'approval',
        name: 'Manager decides',
        approvers: { role: 'manager' },
        form: { fields: [{ field: 'decidedBy', mode: 'edit' }] },
        timeout: { after: 'P2D' },
      },
      { id: 'escalate', type: 'approval', name: 'Finance decides', approvers: { role: 'finance' } },
      { id: 'yes', type: 'end', outcome: extra.approvedEnd ?? 'approved' },
      { id: 'no', type: 'end', outcome: 'rejected' },
    ],
    edges: [
      { id: 'e1', source: 'start', target: 'approve' },
      { id: 'e2', source: 'approve', target: 'yes', on: 'approved' },
      { id: 'e3', source: 'approve', target: 'no', on: 'rejected' },
      { id: 'e4', source: 'approve', target: 'escalate', on: 'timeout' },
      { id: 'e5', source: 'escalate', target: 'yes', on: 'approved' },
      { id: 'e6', source: 'escalate', target: 'no', on: 'rejected' },
    ],
  };
}

/** The parent: a trip calls the manager approval, then an agent books it. */
const travel = {
  schemaVersion: 1,
  key: 'sf-travel',
  name: 'Travel request',
  fields: [
    { name: 'cost', type: 'number' },
    { name: 'approvedBy', type: 'string' },
  ],
  nodes: [
    { id: 'start', type: 'start' },
    {
      id: 'mgr',
      type: 'subflow',
      name: 'Manager approval',
      workflowKey: 'sf-manager-approval',
      input: { total: 'cost' },
      output: { approvedBy: 'decidedBy' },
    },
    { id: 'book', type: 'task', name: 'Book the trip', assignee: { role: 'agent' } },
    { id: 'done', type: 'end', outcome: 'booked' },
    { id: 'refused', type: 'end', outcome: 'rejected' },
    { id: 'dropped', type: 'end', outcome: 'cancelled' },
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'mgr' },
    { id: 'e2', source: 'mgr', target: 'book', on: 'approved' },
    { id: 'e3', source: 'mgr', target: 'refused', on: 'rejected' },
    { id: 'e4', source: 'mgr', target: 'dropped', on: 'cancelled' },
    { id: 'e5', source: 'book', target: 'done', on: 'completed' },
  ],
};

interface Linked {
  id: string;
  status: string;
  activeNodes: string[];
  fields: Record<string, unknown>;
  outcome?: string;
  parent?: { ticketId: string; node: string; visible: boolean };
  subflows?: { ticketId: string; status: string; steps: string[]; nodeName: string; visible: boolean }[];
}

describe('sub-flows over HTTP', () => {
  let t: TestApp;
  let client: ReturnType<typeof ticketClient>;
  let handbacks: HandbackDispatcher;

  const get = async (username: string, id: string) =>
    (await client.ticket(username, id)) as unknown as Linked;
  const deliver = async () => {
    while ((await handbacks.round()).more);
  };
  const childOf = async (parentId: string) => {
    const link = (await get('requester', parentId)).subflows?.at(-1);
    if (!link) throw new Error('no child');
    return link;
  };
  const start = async (title: string, cost = 800) =>
    client.createTicket('requester', { workflowKey: 'sf-travel', title, fields: { cost } });

  beforeAll(async () => {
    t = await startTestApp();
    client = ticketClient(t);
    handbacks = t.app.get(HandbackDispatcher);
    // Rounds are driven by the tests.
    await handbacks.stop();
    await t.app.get(TimerScheduler).stop();
    await client.publish(managerApproval());
    await client.publish(travel);
  });
  afterAll(async () => t?.close());

  it('starts the child with the mapped input, links both ways, and leaves by approved with the mapped output', async () => {
    const parent = await start('Conference in Lyon');
    expect(parent.activeNodes).toEqual(['mgr']);
    const link = await childOf(parent.id);
    expect(link).toMatchObject({
      status: 'active',
      nodeName: 'Manager approval',
      steps: ['Manager decides'],
    });
    const child = await get('requester', link.ticketId);
    expect(child.fields).toEqual({ total: 800 });
    expect(child.parent).toMatchObject({ ticketId: parent.id, node: 'mgr', visible: true });

    const task = await client.taskFor('manager', link.ticketId, 'approve');
    const decided = await client.act('manager', task.id, 'approve', { fields: { decidedBy: 'Maria' } });
    expect(decided.status).toBe(200);
    expect((await get('requester', link.ticketId)).status).toBe('completed');
    // The hand-back is its own transaction: until it runs, the parent still waits.
    expect((await get('requester', parent.id)).activeNodes).toEqual(['mgr']);
    await deliver();
    const resumed = await get('requester', parent.id);
    expect(resumed.activeNodes).toEqual(['book']);
    expect(resumed.fields).toEqual({ cost: 800, approvedBy: 'Maria' });
    expect(resumed.subflows?.[0]).toMatchObject({ status: 'completed', steps: [] });
  });

  it('leaves by rejected when the child was rejected', async () => {
    const parent = await start('Gala dinner');
    const link = await childOf(parent.id);
    const task = await client.taskFor('manager', link.ticketId, 'approve');
    expect((await client.act('manager', task.id, 'reject', { comment: 'Too dear' })).status).toBe(200);
    await deliver();
    expect(await get('requester', parent.id)).toMatchObject({ status: 'completed', outcome: 'rejected' });
  });

  it('a sub-flow cancelled mid-way: cancelling the parent cancels the child, closes its tasks and removes its timers', async () => {
    const parent = await start('Trip called off');
    const link = await childOf(parent.id);
    const childInstance = (await t.db.dataSource.query(`SELECT id FROM instances WHERE ticket_id = $1`, [
      link.ticketId,
    ])) as { id: string }[];
    const timers = () =>
      t.db.dataSource.query(`SELECT status FROM timers WHERE instance_id = $1`, [
        childInstance[0]?.id,
      ]) as Promise<{ status: string }[]>;
    expect(await timers()).toEqual([{ status: 'scheduled' }]);
    const cancelled = await t.http
      .post(`/api/tickets/${parent.id}/cancel`)
      .set(await client.auth('requester'))
      .send({ reason: 'no budget' });
    expect(cancelled.status).toBe(200);
    expect(await get('requester', link.ticketId)).toMatchObject({ status: 'cancelled', activeNodes: [] });
    expect(await timers()).toEqual([{ status: 'cancelled' }]);
    const tasks = (await t.db.dataSource.query(`SELECT status FROM tasks WHERE ticket_id = $1`, [
      link.ticketId,
    ])) as { status: string }[];
    expect(tasks).toEqual([{ status: 'cancelled' }]);
    expect((await client.inbox('manager')).some((task) => task.ticketId === link.ticketId)).toBe(false);
    // The parent cancelled the child itself: nothing is handed back.
    const rows = await t.db.dataSource.query(`SELECT 1 FROM subflow_handbacks WHERE child_instance_id = $1`, [
      childInstance[0]?.id,
    ]);
    expect(rows).toEqual([]);
  });

  it('a child cancelled on its own hands back cancelled, and the parent follows its cancelled edge', async () => {
    const parent = await start('Changed my mind');
    const link = await childOf(parent.id);
    const response = await t.http
      .post(`/api/tickets/${link.ticketId}/cancel`)
      .set(await client.auth('requester'))
      .send({ reason: 'wrong form' });
    expect(response.status).toBe(200);
    await deliver();
    // Its end says `cancelled`, so the parent ticket is cancelled too.
    expect(await get('requester', parent.id)).toMatchObject({ status: 'cancelled', outcome: 'cancelled' });
  });

  it('pins the child to the version published when the step started; a later version does not touch it', async () => {
    const parent = await start('Pinned');
    const link = await childOf(parent.id);
    // A new version of the child ends "granted" instead of "approved" (its parent then stops at publish,
    // but the running child keeps the version it started on).
    await client.publish({ ...managerApproval(), name: 'Manager approval v2' });
    const version = (await t.db.dataSource.query(
      `SELECT v.version FROM instances i JOIN workflow_versions v ON v.id = i.version_id WHERE i.ticket_id = $1`,
      [link.ticketId],
    )) as { version: number }[];
    expect(version).toEqual([{ version: 1 }]);
    const task = await client.taskFor('manager', link.ticketId, 'approve');
    expect((await client.act('manager', task.id, 'approve', { fields: { decidedBy: 'Li' } })).status).toBe(
      200,
    );
    await deliver();
    expect((await get('requester', parent.id)).activeNodes).toEqual(['book']);
    const next = await start('After the new version');
    const newer = (await t.db.dataSource.query(
      `SELECT v.version FROM instances i JOIN workflow_versions v ON v.id = i.version_id WHERE i.ticket_id = $1`,
      [(await childOf(next.id)).ticketId],
    )) as { version: number }[];
    expect(newer).toEqual([{ version: 2 }]);
  });

  it('seeing the parent does not let an agent open the child; the link says so', async () => {
    const parent = await start('Visibility');
    const link = await childOf(parent.id);
    // The admin sees both; the manager (approver of the child) opens the child but not the parent.
    expect((await get('admin', parent.id)).subflows?.[0]?.visible).toBe(true);
    const asManager = await get('manager', link.ticketId);
    expect(asManager.parent).toMatchObject({ ticketId: parent.id, visible: false });
    const refused = await t.http.get(`/api/tickets/${parent.id}`).set(await client.auth('manager'));
    expect(refused.status).toBe(404);
    const task = await client.taskFor('manager', link.ticketId, 'approve');
    await client.act('manager', task.id, 'approve', { fields: { decidedBy: 'M' } });
    await deliver();
    // The agent who books the parent may open it, but not the child.
    const asAgent = await get('agent', parent.id);
    expect(asAgent.subflows?.[0]).toMatchObject({ ticketId: link.ticketId, visible: false });
    const hidden = await t.http.get(`/api/tickets/${link.ticketId}`).set(await client.auth('agent'));
    expect(hidden.status).toBe(404);
  });

  it('cancels the child when the step times out, and the parent leaves by timeout', async () => {
    await client.publish({
      ...travel,
      key: 'sf-travel-timeout',
      nodes: travel.nodes.map((node) => (node.id === 'mgr' ? { ...node, timeout: { after: 'P5D' } } : node)),
      edges: [...travel.edges, { id: 'e6', source: 'mgr', target: 'refused', on: 'timeout' }],
    });
    const parent = await client.createTicket('requester', {
      workflowKey: 'sf-travel-timeout',
      title: 'Nobody answers',
      fields: { cost: 50 },
    });
    const link = await childOf(parent.id);
    await t.db.dataSource.query(
      `UPDATE timers SET due_at = now() - interval '1 second'
        WHERE instance_id = (SELECT id FROM instances WHERE ticket_id = $1) AND status = 'scheduled'`,
      [parent.id],
    );
    const scheduler = t.app.get(TimerScheduler);
    while ((await scheduler.round()).more);
    expect(await get('requester', parent.id)).toMatchObject({ status: 'completed', outcome: 'rejected' });
    expect(await get('requester', link.ticketId)).toMatchObject({ status: 'cancelled' });
    const open = (await t.db.dataSource.query(
      `SELECT count(*)::int AS n FROM timers WHERE status = 'scheduled'
         AND instance_id = (SELECT id FROM instances WHERE ticket_id = $1)`,
      [link.ticketId],
    )) as { n: number }[];
    expect(open[0]?.n).toBe(0);
  });

  it('raises an incident on the parent when the child is cancelled on its own and no edge follows cancelled', async () => {
    await client.publish({
      ...travel,
      key: 'sf-travel-strict',
      edges: travel.edges.filter((edge) => edge.on !== 'cancelled'),
      nodes: travel.nodes.filter((node) => node.id !== 'dropped'),
    });
    const parent = await client.createTicket('requester', {
      workflowKey: 'sf-travel-strict',
      title: 'Strict',
      fields: { cost: 10 },
    });
    const link = await childOf(parent.id);
    await t.http
      .post(`/api/tickets/${link.ticketId}/cancel`)
      .set(await client.auth('requester'))
      .send({ reason: 'oops' })
      .expect(200);
    await deliver();
    expect((await get('admin', parent.id)).status).toBe('incident');
    const incidents = (await t.db.dataSource.query(
      `SELECT code, node_id FROM incidents WHERE instance_id = (SELECT id FROM instances WHERE ticket_id = $1)`,
      [parent.id],
    )) as { code: string; node_id: string }[];
    expect(incidents).toEqual([{ code: 'no-edge-for-outcome', node_id: 'mgr' }]);
  });

  it('survives a crash between the child end and the parent resume: the hand-back is delivered once by the next round', async () => {
    const parent = await start('Crash safety');
    const link = await childOf(parent.id);
    const task = await client.taskFor('manager', link.ticketId, 'approve');
    await client.act('manager', task.id, 'approve', { fields: { decidedBy: 'K' } });
    // Process A claims the hand-back and dies before delivering it.
    const [claimed] = await claimHandbacks(t.db.dataSource, 10, 600);
    expect(claimed?.outcome).toBe('approved');
    await deliver();
    expect((await get('requester', parent.id)).activeNodes).toEqual(['mgr']);
    // Its lease runs out; the next round (any process) delivers it, and only once.
    await t.db.dataSource.query(`UPDATE subflow_handbacks SET next_attempt_at = now() WHERE id = $1`, [
      claimed?.id,
    ]);
    await deliver();
    await deliver();
    expect((await get('requester', parent.id)).activeNodes).toEqual(['book']);
    const [row] = (await t.db.dataSource.query(
      `SELECT status, attempts FROM subflow_handbacks WHERE id = $1`,
      [claimed?.id],
    )) as { status: string; attempts: number }[];
    expect(row).toEqual({ status: 'delivered', attempts: 2 });
    const ends = (await client.transitions('admin', parent.id)).filter((tr) => tr.event === 'subflow.end');
    expect(ends).toHaveLength(1);
  });
});

describe('publishing a parent checks its sub-flows against the published child', () => {
  let t: TestApp;
  let client: ReturnType<typeof ticketClient>;
  beforeAll(async () => {
    t = await startTestApp();
    client = ticketClient(t);
  });
  afterAll(async () => t?.close());

  const publish = async (definition: Record<string, unknown>) => {
    const key = String(definition.key);
    await t.http
      .put(`/api/workflows/${key}/draft`)
      .set(await client.auth('owner'))
      .send({ definition })
      .expect(200);
    return t.http
      .post(`/api/workflows/${key}/publish`)
      .set(await client.auth('admin'))
      .send({});
  };

  it('refuses a parent whose child is not published, naming the field', async () => {
    const response = await publish(travel);
    expect(response.status).toBe(422);
    expect(response.body.details.problems).toContainEqual(
      expect.objectContaining({
        code: 'subflow-workflow-not-published',
        nodeId: 'mgr',
        field: 'workflowKey',
      }),
    );
  });

  it('refuses outcomes the child does not end with, child outcomes without an edge, and unknown child fields', async () => {
    await client.publish(managerApproval({ approvedEnd: 'granted' }));
    const response = await publish({
      ...travel,
      nodes: travel.nodes.map((node) =>
        node.id === 'mgr' ? { ...node, input: { amount: 'cost' }, output: { approvedBy: 'who' } } : node,
      ),
    });
    expect(response.status).toBe(422);
    const problems = response.body.details.problems as { code: string; field?: string }[];
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'subflow-outcome-not-in-child', field: 'on' }),
        expect.objectContaining({ code: 'subflow-outcome-uncovered' }),
        expect.objectContaining({ code: 'subflow-unknown-child-field', field: 'input.amount' }),
        expect.objectContaining({ code: 'subflow-unknown-child-field', field: 'output.approvedBy' }),
      ]),
    );
  });

  it('refuses a workflow that calls itself', async () => {
    const response = await publish({
      ...travel,
      nodes: travel.nodes.map((node) => (node.id === 'mgr' ? { ...node, workflowKey: 'sf-travel' } : node)),
    });
    expect(response.status).toBe(422);
    expect(response.body.details.problems).toContainEqual(
      expect.objectContaining({ code: 'subflow-calls-itself', field: 'workflowKey' }),
    );
  });
});
