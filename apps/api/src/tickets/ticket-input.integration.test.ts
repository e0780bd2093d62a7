import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { ticketClient } from '../../test/ticket-helpers.js';

describe('bad input gets a 4xx that names the field, and changes nothing', () => {
  let t: TestApp;
  let client: ReturnType<typeof ticketClient>;
  const countTickets = async () =>
    Number((await t.db.dataSource.query('SELECT count(*)::int AS n FROM tickets'))[0].n);
  beforeAll(async () => {
    t = await startTestApp();
    client = ticketClient(t);
  });
  afterAll(async () => t?.close());

  const cases: [string, Record<string, unknown>, RegExp][] = [
    [
      'a missing required field',
      { workflowKey: 'refund-approval', title: 'x', fields: {} },
      /fields\.refundAmount .*is required/,
    ],
    [
      'a number field given text',
      { workflowKey: 'refund-approval', title: 'x', fields: { refundAmount: '6200' } },
      /fields\.refundAmount must be a number/,
    ],
    [
      'an enum value that is not an option',
      { workflowKey: 'refund-approval', title: 'x', fields: { refundAmount: 1, channel: 'fax' } },
      /fields\.channel must be one of/,
    ],
    [
      'a field the workflow does not have',
      { workflowKey: 'refund-approval', title: 'x', fields: { refundAmount: 1, bonus: 1 } },
      /fields\.bonus is not a field/,
    ],
    [
      'a client-set status (mass assignment)',
      { workflowKey: 'refund-approval', title: 'x', fields: { refundAmount: 1 }, status: 'completed' },
      /property status should not exist/,
    ],
    [
      'a client-set approvedBy (mass assignment)',
      { workflowKey: 'refund-approval', title: 'x', fields: { refundAmount: 1 }, approvedBy: 'me' },
      /property approvedBy should not exist/,
    ],
    [
      'an empty title',
      { workflowKey: 'refund-approval', title: '', fields: { refundAmount: 1 } },
      /title must be longer/,
    ],
    [
      'fields that are not an object',
      { workflowKey: 'refund-approval', title: 'x', fields: [1] },
      /fields must be an object/,
    ],
    [
      'an unknown priority',
      { workflowKey: 'refund-approval', title: 'x', fields: { refundAmount: 1 }, priority: 'asap' },
      /priority must be one of/,
    ],
  ];

  for (const [name, body, message] of cases) {
    it(`rejects ${name} with 400`, async () => {
      const before = await countTickets();
      const response = await t.http
        .post('/api/tickets')
        .set(await client.auth('requester'))
        .send(body);
      expect(response.status).toBe(400);
      expect(response.body.message).toMatch(message);
      expect(await countTickets()).toBe(before);
    });
  }

  it('answers a workflow with no published version with 422', async () => {
    const response = await t.http
      .post('/api/tickets')
      .set(await client.auth('requester'))
      .send({ workflowKey: 'no-such-flow', title: 'x', fields: {} });
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ code: 'workflow-not-published' });
  });

  it('rejects a task outcome the step does not have, naming the allowed ones', async () => {
    const ticket = await client.createTicket('requester', {
      workflowKey: 'refund-approval',
      title: 'Outcome',
      fields: { refundAmount: 1 },
    });
    const review = await client.taskFor('agent', ticket.id, 'review');
    const response = await client.act('agent', review.id, 'complete', { outcome: 'teleported' });
    expect(response.status).toBe(400);
    expect(response.body.message).toMatch(/"teleported" is not one of this step's outcomes: completed/);
    expect((await client.ticket('requester', ticket.id)).activeNodes).toEqual(['review']);
  });

  it("validates field updates on completion against the step's form and the field types", async () => {
    const ticket = await client.createTicket('requester', {
      workflowKey: 'refund-approval',
      title: 'Fields',
      fields: { refundAmount: 1 },
    });
    const review = await client.taskFor('agent', ticket.id, 'review');
    // The amount routes the ticket: the agent's review shows it but may not change it (issue 16).
    const rewrite = await client.act('agent', review.id, 'complete', { fields: { refundAmount: 7000 } });
    expect(rewrite.status).toBe(400);
    expect(rewrite.body).toMatchObject({
      code: 'field-not-editable',
      message: expect.stringMatching(/fields\.refundAmount/),
    });
    const change = await client.createTicket('requester', {
      workflowKey: 'it-change',
      title: 'Fields',
      fields: { changeSummary: 'x' },
    });
    const assess = await client.taskFor('manager', change.id, 'assess');
    const bad = await client.act('manager', assess.id, 'complete', { fields: { risk: 'extreme' } });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/fields\.risk must be one of low, medium, high/);
    expect((await client.act('manager', assess.id, 'complete', { fields: { risk: 'low' } })).status).toBe(
      200,
    );
    expect(await client.ticket('admin', change.id)).toMatchObject({ fields: { risk: 'low' } });
  });

  it('answers a malformed id with 404 and a wrong kind of action with 422', async () => {
    expect((await t.http.get('/api/tickets/not-a-uuid').set(await client.auth('admin'))).status).toBe(404);
    const ticket = await client.createTicket('requester', {
      workflowKey: 'refund-approval',
      title: 'Kind',
      fields: { refundAmount: 1 },
    });
    const review = await client.taskFor('agent', ticket.id, 'review');
    const response = await client.act('agent', review.id, 'approve');
    expect(response.status).toBe(422);
    expect(response.body.code).toBe('wrong-task-kind');
  });
});

describe('separation of duties', () => {
  let t: TestApp;
  let client: ReturnType<typeof ticketClient>;
  beforeAll(async () => {
    t = await startTestApp();
    client = ticketClient(t);
  });
  afterAll(async () => t?.close());

  async function financeStepOfOwnTicket(requester: string) {
    const ticket = await client.createTicket(requester, {
      workflowKey: 'refund-approval',
      title: 'Own refund',
      fields: { refundAmount: 9000 },
    });
    await client.attachReceipt(ticket.id, requester);
    const review = await client.taskFor('agent', ticket.id, 'review');
    await client.act('agent', review.id, 'complete');
    return { ticket, task: await client.taskFor('finance2', ticket.id, 'finance') };
  }

  it('forbids the requester to approve their own ticket and hides it from their inbox', async () => {
    const { ticket, task } = await financeStepOfOwnTicket('finance1');
    expect((await client.inbox('finance1')).some((entry) => entry.ticketId === ticket.id)).toBe(false);
    const response = await client.act('finance1', task.id, 'approve');
    expect(response.status).toBe(403);
    expect(response.body.code).toBe('separation-of-duties');
    expect((await client.act('finance2', task.id, 'approve')).status).toBe(200);
  });

  it('cannot be bypassed by a delegation from an approver to the requester', async () => {
    const { task } = await financeStepOfOwnTicket('agent');
    const financeId = (await t.db.dataSource.query(`SELECT id FROM users WHERE username = 'finance2'`))[0].id;
    const agentId = (await t.db.dataSource.query(`SELECT id FROM users WHERE username = 'agent'`))[0].id;
    await t.db.dataSource.query('INSERT INTO delegations (from_user_id, to_user_id) VALUES ($1, $2)', [
      financeId,
      agentId,
    ]);
    const response = await client.act('agent', task.id, 'approve');
    expect(response.status).toBe(403);
    expect(response.body.code).toBe('separation-of-duties');
  });
});
