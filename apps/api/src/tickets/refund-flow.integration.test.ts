import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { ticketClient } from '../../test/ticket-helpers.js';

describe('the refund flow over HTTP', () => {
  let t: TestApp;
  let client: ReturnType<typeof ticketClient>;
  beforeAll(async () => {
    t = await startTestApp();
    client = ticketClient(t);
  });
  afterAll(async () => t?.close());

  it('routes 6,200 through agent review to finance approval and resolves it', async () => {
    const ticket = await client.createTicket('requester', {
      workflowKey: 'refund-approval',
      title: 'Refund order 1042',
      fields: { refundAmount: 6200, channel: 'wechat' },
      channel: 'wechat',
    });
    expect(ticket).toMatchObject({
      status: 'active',
      activeNodes: ['review'],
      workflow: { key: 'refund-approval', version: 1 },
    });

    await client.attachReceipt(ticket.id);
    const review = await client.taskFor('agent', ticket.id, 'review');
    expect(review.kind).toBe('task');
    const completed = await client.act('agent', review.id, 'complete', { comment: 'Checked the order' });
    expect(completed.status).toBe(200);
    expect(completed.body).toMatchObject({ status: 'completed', outcome: 'completed' });
    expect((await client.ticket('requester', ticket.id)).activeNodes).toEqual(['finance']);

    const approval = await client.taskFor('finance1', ticket.id, 'finance');
    await client.taskFor('finance2', ticket.id, 'finance');
    const approved = await client.act('finance1', approval.id, 'approve', { comment: 'Within policy' });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'completed', outcome: 'approved' });
    expect((await client.inbox('finance2')).some((task) => task.ticketId === ticket.id)).toBe(false);

    const done = await client.ticket('requester', ticket.id);
    expect(done).toMatchObject({ status: 'completed', outcome: 'resolved', activeNodes: [] });

    const transitions = await client.transitions('agent', ticket.id);
    expect(transitions.map((tr) => tr.seq)).toEqual(transitions.map((_, index) => index + 1));
    expect(transitions.map((tr) => tr.to)).toContain('finance');
    expect(transitions.find((tr) => tr.to === 'finance')?.detail).toMatchObject({ kind: 'condition' });
    expect(transitions.find((tr) => tr.from === 'finance')?.actor).toBe('finance1');
    expect(transitions.find((tr) => tr.from === 'review')?.actor).toBe('agent');
  });

  it("refuses the agent's review without the receipt the template requires, naming it, and takes it with one", async () => {
    const ticket = await client.createTicket('requester', {
      workflowKey: 'refund-approval',
      title: 'Refund without a receipt',
      fields: { refundAmount: 300 },
    });
    const review = await client.taskFor('agent', ticket.id, 'review');
    const refused = await client.act('agent', review.id, 'complete');
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'attachment-required' });
    expect(refused.body.message).toContain('Attach the payment receipt or invoice');
    expect((await client.ticket('agent', ticket.id)).activeNodes).toEqual(['review']);

    // The requester reads that rule on the workflow (to bring the receipt with the request), not the form's fields.
    const seen = await t.http
      .get('/api/workflows/refund-approval/versions/1')
      .set(await client.auth('requester'))
      .expect(200);
    const reviewNode = (seen.body.definition.nodes as { id: string; form?: unknown }[]).find(
      (node) => node.id === 'review',
    );
    expect(reviewNode?.form).toEqual({
      fields: [],
      attachments: { required: true, note: expect.stringContaining('payment receipt') },
    });

    const receipt = await client.attachReceipt(ticket.id);
    expect(receipt).toMatchObject({ name: 'receipt.pdf', contentType: 'application/pdf' });
    expect((await client.act('agent', review.id, 'complete')).status).toBe(200);
    expect((await client.ticket('requester', ticket.id)).activeNodes).toEqual(['manager']);
  });

  it('routes 3,000 to manager approval', async () => {
    const ticket = await client.createTicket('requester', {
      workflowKey: 'refund-approval',
      title: 'Small refund',
      fields: { refundAmount: 3000 },
    });
    await client.attachReceipt(ticket.id);
    const review = await client.taskFor('agent', ticket.id, 'review');
    expect((await client.act('agent', review.id, 'complete')).status).toBe(200);
    expect((await client.ticket('requester', ticket.id)).activeNodes).toEqual(['manager']);
    expect((await client.inbox('finance1')).some((task) => task.ticketId === ticket.id)).toBe(false);
    const approval = await client.taskFor('manager', ticket.id, 'manager');
    expect(
      (await client.act('manager', approval.id, 'reject', { comment: 'Outside the return window' })).status,
    ).toBe(200);
    expect(await client.ticket('requester', ticket.id)).toMatchObject({
      status: 'completed',
      outcome: 'rejected',
    });
  });

  it('requires a comment to reject, naming the field', async () => {
    const ticket = await client.createTicket('requester', {
      workflowKey: 'refund-approval',
      title: 'No reason',
      fields: { refundAmount: 100 },
    });
    await client.attachReceipt(ticket.id);
    const review = await client.taskFor('agent', ticket.id, 'review');
    await client.act('agent', review.id, 'complete');
    const approval = await client.taskFor('manager', ticket.id, 'manager');
    const response = await client.act('manager', approval.id, 'reject', {});
    expect(response.status).toBe(400);
    expect(response.body.message).toMatch(/comment/);
  });
});
