import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { ticketClient } from '../../test/ticket-helpers.js';

type Definition = Record<string, unknown> & {
  nodes: Record<string, unknown>[];
  edges: Record<string, unknown>[];
};

/** Review by an agent, then a finance approval; `reviewId` renames the review step. */
function reviewFlow(reviewId = 'review'): Definition {
  return {
    schemaVersion: 1,
    key: 'migrate-flow',
    name: 'Migrate flow',
    fields: [],
    nodes: [
      { id: 'start', type: 'start' },
      { id: reviewId, type: 'task', name: 'Agent review', assignee: { role: 'agent' } },
      { id: 'approve', type: 'approval', name: 'Finance approval', approvers: { role: 'finance' } },
      { id: 'done', type: 'end', outcome: 'resolved' },
      { id: 'no', type: 'end', outcome: 'rejected' },
    ],
    edges: [
      { id: 'e1', source: 'start', target: reviewId },
      { id: 'e2', source: reviewId, target: 'approve', on: 'completed' },
      { id: 'e3', source: 'approve', target: 'done', on: 'approved' },
      { id: 'e4', source: 'approve', target: 'no', on: 'rejected' },
    ],
  };
}

/** A legal check and a finance approval in parallel, joined; optionally an archive step after the join, or a 1-of-2 join. */
function joinFlow(options: { archive?: boolean; requireOne?: boolean } = {}): Definition {
  const definition: Definition = {
    schemaVersion: 1,
    key: 'join-flow',
    name: 'Join flow',
    fields: [],
    nodes: [
      { id: 'start', type: 'start' },
      { id: 'split', type: 'parallel', name: 'Checks' },
      { id: 'legal', type: 'task', name: 'Legal check', assignee: { role: 'agent' } },
      { id: 'finance', type: 'approval', name: 'Finance approval', approvers: { role: 'finance' } },
      {
        id: 'join',
        type: 'join',
        name: 'Both done',
        ...(options.requireOne ? { require: { count: 1 } } : {}),
      },
      { id: 'done', type: 'end', outcome: 'resolved' },
      { id: 'no', type: 'end', outcome: 'rejected' },
    ],
    edges: [
      { id: 'e1', source: 'start', target: 'split' },
      { id: 'e2', source: 'split', target: 'legal' },
      { id: 'e3', source: 'split', target: 'finance' },
      { id: 'e4', source: 'legal', target: 'join', on: 'completed' },
      { id: 'e5', source: 'finance', target: 'join', on: 'approved' },
      { id: 'e6', source: 'finance', target: 'no', on: 'rejected' },
    ],
  };
  if (options.archive) {
    definition.nodes.push({ id: 'archive', type: 'task', name: 'Archive', assignee: { role: 'agent' } });
    definition.edges.push(
      { id: 'e7', source: 'join', target: 'archive' },
      { id: 'e8', source: 'archive', target: 'done', on: 'completed' },
    );
  } else {
    definition.edges.push({ id: 'e7', source: 'join', target: 'done' });
  }
  return definition;
}

interface Report {
  dryRun: boolean;
  tickets: { ticketId: string; result: string; reason?: string; code?: string; targetNodes?: string[] }[];
  mapping: { fromVersion: number; nodeId: string; tickets: number; toNode: string | null }[];
  summary: Record<string, number>;
}

describe('migrating running tickets to another version', () => {
  let t: TestApp;
  let client: ReturnType<typeof ticketClient>;
  beforeAll(async () => {
    t = await startTestApp();
    client = ticketClient(t);
  });
  afterAll(async () => t?.close());

  const migrate = async (key: string, body: Record<string, unknown>, as = 'admin') =>
    t.http
      .post(`/api/workflows/${key}/migrations`)
      .set(await client.auth(as))
      .send(body);
  const byTicket = (report: Report, id: string) => report.tickets.find((ticket) => ticket.ticketId === id);

  it('dry-runs per ticket, then moves tickets along an edited mapping with their tasks, recorded and audited', async () => {
    const atReview = await client.publishAndCreate(reviewFlow(), { title: 'At review' });
    const atApproval = await client.createTicket('requester', {
      workflowKey: 'migrate-flow',
      title: 'At approval',
      fields: {},
    });
    await client.act('agent', (await client.taskFor('agent', atApproval.id, 'review')).id, 'complete');
    await client.publish(reviewFlow('check'));

    const dry = (await migrate('migrate-flow', { toVersion: 2, dryRun: true })).body as Report;
    expect(dry.dryRun).toBe(true);
    expect(byTicket(dry, atReview.id)).toMatchObject({
      result: 'refused',
      code: 'node-missing',
      reason: expect.stringContaining('“Agent review” no longer exists'),
    });
    expect(byTicket(dry, atApproval.id)).toMatchObject({ result: 'ready', targetNodes: ['approve'] });
    expect(dry.mapping).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ fromVersion: 1, nodeId: 'review', toNode: null, tickets: 1 }),
      ]),
    );
    expect(await client.ticket('admin', atApproval.id)).toMatchObject({
      workflow: { key: 'migrate-flow', version: 1 },
    });

    const mapped = (await migrate('migrate-flow', { toVersion: 2, mapping: { review: 'check' } }))
      .body as Report;
    expect(mapped.summary).toMatchObject({ total: 2, ready: 2, refused: 0 });

    const done = await migrate('migrate-flow', { toVersion: 2, mapping: { review: 'check' }, dryRun: false });
    expect(done.status).toBe(200);
    expect((done.body as Report).summary).toMatchObject({ migrated: 2, refused: 0, failed: 0 });
    expect(await client.ticket('admin', atReview.id)).toMatchObject({
      activeNodes: ['check'],
      workflow: { version: 2 },
    });

    const task = await client.taskFor('agent', atReview.id, 'check');
    expect((await client.act('agent', task.id, 'complete')).status).toBe(200);
    expect((await client.ticket('admin', atReview.id)).activeNodes).toEqual(['approve']);
    const approval = await client.taskFor('finance1', atApproval.id, 'approve');
    expect((await client.act('finance1', approval.id, 'approve')).status).toBe(200);
    expect(await client.ticket('admin', atApproval.id)).toMatchObject({
      status: 'completed',
      outcome: 'resolved',
    });

    const transitions = await client.transitions('admin', atReview.id);
    expect(transitions.find((tr) => tr.event === 'migrate')).toMatchObject({
      actor: 'admin',
      from: 'review',
      to: 'check',
      detail: { kind: 'note', text: 'migrated from v1 to v2 (review → check)' },
    });
    expect(transitions.map((tr) => tr.seq)).toEqual(transitions.map((_, index) => index + 1));
    const audit = (await t.db.dataSource.query(
      `SELECT object_id FROM audit_log WHERE action = 'ticket.migrate'`,
    )) as { object_id: string }[];
    expect(audit.map((row) => row.object_id).sort()).toEqual([atReview.id, atApproval.id].sort());

    const again = (await migrate('migrate-flow', { toVersion: 2, dryRun: false })).body as Report;
    expect(again.tickets).toEqual([]);
  });

  it('moves a ticket waiting at a join, which then completes on the new version; refuses a changed join with the reason', async () => {
    const ticket = await client.publishAndCreate(joinFlow(), { title: 'Waits at the join' });
    await client.act('agent', (await client.taskFor('agent', ticket.id, 'legal')).id, 'complete');
    expect((await client.ticket('admin', ticket.id)).activeNodes.sort()).toEqual(['finance', 'join']);
    await client.publish(joinFlow({ requireOne: true }));
    await client.publish(joinFlow({ archive: true }));

    const refused = (await migrate('join-flow', { toVersion: 2, ticketIds: [ticket.id] })).body as Report;
    expect(refused.tickets).toEqual([
      expect.objectContaining({
        result: 'refused',
        code: 'join-changed',
        reason: expect.stringContaining('join changed'),
      }),
    ]);

    const moved = (await migrate('join-flow', { toVersion: 3, ticketIds: [ticket.id], dryRun: false }))
      .body as Report;
    expect(moved.tickets).toEqual([expect.objectContaining({ result: 'migrated' })]);
    expect(await client.ticket('admin', ticket.id)).toMatchObject({ workflow: { version: 3 } });
    const approval = await client.taskFor('finance1', ticket.id, 'finance');
    expect((await client.act('finance1', approval.id, 'approve')).status).toBe(200);
    expect(await client.ticket('admin', ticket.id)).toMatchObject({
      status: 'active',
      activeNodes: ['archive'],
    });
  });

  it('answers 404 for an unknown target version, 400 for a bad body and 403 for non-admins', async () => {
    expect((await migrate('migrate-flow', { toVersion: 9 })).status).toBe(404);
    expect((await migrate('migrate-flow', { toVersion: 'two' })).status).toBe(400);
    expect((await migrate('migrate-flow', { toVersion: 2, mapping: { review: 5 } })).status).toBe(400);
    expect((await migrate('migrate-flow', { toVersion: 2 }, 'owner')).status).toBe(403);
  });
});
