import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { ticketClient } from '../../test/ticket-helpers.js';

/** One approval per line item by the cost-centre owners named on the ticket; every item must be approved. */
const perLine = {
  schemaVersion: 1,
  key: 'flows-per-line',
  name: 'Per line item',
  fields: [
    {
      name: 'lineItems',
      type: 'list',
      required: true,
      itemFields: [
        { name: 'sku', type: 'string' },
        { name: 'amount', type: 'number' },
      ],
    },
    { name: 'costCentreOwners', type: 'users', required: true },
  ],
  nodes: [
    { id: 'start', type: 'start' },
    {
      id: 'lines',
      type: 'approval',
      name: 'Approve the line',
      approvers: { field: 'costCentreOwners' },
      forEach: 'lineItems',
      policy: { type: 'all' },
    },
    { id: 'order', type: 'task', assignee: { role: 'agent' } },
    { id: 'end', type: 'end', outcome: 'resolved' },
    { id: 'no', type: 'end', outcome: 'rejected' },
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'lines' },
    { id: 'e2', source: 'lines', target: 'order', on: 'approved' },
    { id: 'e3', source: 'lines', target: 'no', on: 'rejected' },
    { id: 'e4', source: 'order', target: 'end', on: 'completed' },
  ],
};

const lineItems = [
  { sku: 'LT-14', amount: 1800 },
  { sku: 'DK-2', amount: 240 },
  { sku: 'MN-27', amount: 420 },
];

describe('multi-instance approvals over HTTP', () => {
  let t: TestApp;
  let client: ReturnType<typeof ticketClient>;
  beforeAll(async () => {
    t = await startTestApp();
    client = ticketClient(t);
    await client.publish(perLine);
  });
  afterAll(async () => t?.close());

  it('gives each line item its own approval for the users named in the field, and rejects when one item is rejected', async () => {
    const ticket = await client.createTicket('requester', {
      workflowKey: 'flows-per-line',
      title: 'Team kit',
      fields: { lineItems, costCentreOwners: ['manager', 'finance1'] },
    });
    const mine = (await client.inbox('manager')).filter((task) => task.ticketId === ticket.id) as unknown as {
      id: string;
      name: string;
      item: { index: number; of: number; value: unknown };
    }[];
    expect(mine.map((task) => task.item).sort((a, b) => a.index - b.index)).toEqual(
      lineItems.map((value, index) => ({ index, of: 3, value })),
    );
    expect((await client.inbox('finance2')).some((task) => task.ticketId === ticket.id)).toBe(false);
    const byIndex = (index: number) => mine.find((task) => task.item.index === index) as { id: string };
    expect((await client.act('manager', byIndex(0).id, 'approve')).status).toBe(200);
    expect((await client.ticket('requester', ticket.id)).status).toBe('active');
    expect(
      (await client.act('finance1', byIndex(1).id, 'reject', { comment: 'Docks are in stock' })).status,
    ).toBe(200);
    expect(await client.ticket('requester', ticket.id)).toMatchObject({
      status: 'completed',
      outcome: 'rejected',
    });
    const rows = (await t.db.dataSource.query(
      `SELECT task_key, status, outcome FROM tasks WHERE ticket_id = $1 ORDER BY task_key`,
      [ticket.id],
    )) as { task_key: string; status: string; outcome: string | null }[];
    expect(rows).toEqual([
      { task_key: 'lines#1.1', status: 'completed', outcome: 'approved' },
      { task_key: 'lines#1.2', status: 'completed', outcome: 'rejected' },
      { task_key: 'lines#1.3', status: 'cancelled', outcome: null },
    ]);
  });

  it('refuses a list item with a field the list does not declare, naming it', async () => {
    const response = await t.http
      .post('/api/tickets')
      .set(await client.auth('requester'))
      .send({
        workflowKey: 'flows-per-line',
        title: 'Bad',
        fields: { lineItems: [{ sku: 'A', colour: 'red' }], costCentreOwners: ['manager'] },
      });
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body)).toContain('[0].colour is not a field of the items');
  });

  it('refuses approvers who are not active users of the directory, naming each, and writes nothing', async () => {
    const before = (await t.db.dataSource.query('SELECT count(*)::int AS n FROM tickets')) as { n: number }[];
    const response = await t.http
      .post('/api/tickets')
      .set(await client.auth('requester'))
      .send({
        workflowKey: 'flows-per-line',
        title: 'Ghost owners',
        fields: { lineItems, costCentreOwners: ['manager', 'nobody-here', 'Manager'] },
      });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({
      code: 'invalid-fields',
      details: [
        { field: 'costCentreOwners', code: 'unknown-user', params: { name: 'nobody-here' } },
        { field: 'costCentreOwners', code: 'unknown-user', params: { name: 'Manager' } },
      ],
    });
    expect(await t.db.dataSource.query('SELECT count(*)::int AS n FROM tickets')).toEqual(before);
  });
});
