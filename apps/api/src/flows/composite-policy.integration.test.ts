import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { ticketClient } from '../../test/ticket-helpers.js';

/** "2 of finance and 1 of legal" decide a purchase. */
const purchase = {
  schemaVersion: 1,
  key: 'flows-composite',
  name: 'Composite approval',
  fields: [{ name: 'amount', type: 'number' }],
  nodes: [
    { id: 'start', type: 'start' },
    {
      id: 'approve',
      type: 'approval',
      name: 'Finance and legal',
      policy: {
        type: 'groups',
        groups: [
          { role: 'finance', count: 2 },
          { role: 'legal', count: 1 },
        ],
      },
    },
    { id: 'end', type: 'end', outcome: 'approved' },
    { id: 'no', type: 'end', outcome: 'rejected' },
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'approve' },
    { id: 'e2', source: 'approve', target: 'end', on: 'approved' },
    { id: 'e3', source: 'approve', target: 'no', on: 'rejected' },
  ],
};

describe('a composite approval policy over HTTP', () => {
  let t: TestApp;
  let client: ReturnType<typeof ticketClient>;
  beforeAll(async () => {
    t = await startTestApp();
    client = ticketClient(t);
    // finance1 sits in both groups; manager is legal only.
    await t.db.dataSource.query(
      `UPDATE users SET roles = array_append(roles, 'legal') WHERE username IN ('finance1', 'manager')`,
    );
    await client.publish(purchase);
  });
  afterAll(async () => t?.close());

  it('counts the person in both groups once, shows the tally in the inbox, and approves when every group is full', async () => {
    const ticket = await client.createTicket('requester', {
      workflowKey: 'flows-composite',
      title: 'Laptops',
      fields: { amount: 12000 },
    });
    const first = await client.taskFor('finance1', ticket.id, 'approve');
    expect((await client.act('finance1', first.id, 'approve')).status).toBe(200);
    // One person, one vote across the whole step, whichever group it would count for.
    expect((await client.act('finance1', first.id, 'approve')).status).toBe(409);
    const seen = (await client.inbox('manager')).find((task) => task.ticketId === ticket.id) as unknown as {
      groupTally: unknown;
    };
    expect(seen.groupTally).toEqual([
      { role: 'finance', count: 2, approved: 1 },
      { role: 'legal', count: 1, approved: 0 },
    ]);
    expect((await client.act('finance2', first.id, 'approve')).status).toBe(200);
    // finance1 and finance2 fill finance; legal still needs someone other than finance1.
    expect((await client.ticket('requester', ticket.id)).status).toBe('active');
    expect((await client.act('manager', first.id, 'approve')).status).toBe(200);
    expect(await client.ticket('requester', ticket.id)).toMatchObject({
      status: 'completed',
      outcome: 'approved',
    });
    const votes = (await client.transitions('admin', ticket.id)).filter(
      (tr) => tr.event === 'approval.decide' && tr.detail?.kind === 'vote',
    );
    expect(votes.at(-1)?.detail).toMatchObject({
      groups: [
        { role: 'finance', approved: 2 },
        { role: 'legal', approved: 1 },
      ],
    });
  });

  it('rejects as soon as a group can no longer reach its count', async () => {
    const ticket = await client.createTicket('requester', {
      workflowKey: 'flows-composite',
      title: 'Chairs',
      fields: { amount: 900 },
    });
    const task = await client.taskFor('finance2', ticket.id, 'approve');
    expect((await client.act('finance2', task.id, 'reject', { comment: 'Over budget' })).status).toBe(200);
    expect(await client.ticket('requester', ticket.id)).toMatchObject({
      status: 'completed',
      outcome: 'rejected',
    });
  });

  it('refuses a vote from someone in neither group', async () => {
    const ticket = await client.createTicket('requester', {
      workflowKey: 'flows-composite',
      title: 'Desk',
      fields: { amount: 300 },
    });
    const task = await client.taskFor('finance1', ticket.id, 'approve');
    expect((await client.act('agent', task.id, 'approve')).status).toBe(403);
  });
});
