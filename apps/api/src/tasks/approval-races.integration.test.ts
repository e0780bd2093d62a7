import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { ticketClient } from '../../test/ticket-helpers.js';
import { dualApprovalDefinition, singleApprovalDefinition } from '../../test/fixtures/dual-approval.js';

describe('concurrent decisions on one ticket', () => {
  let t: TestApp;
  let client: ReturnType<typeof ticketClient>;
  beforeAll(async () => {
    t = await startTestApp();
    client = ticketClient(t);
    await client.publish(dualApprovalDefinition());
    await client.publish(singleApprovalDefinition());
  });
  afterAll(async () => t?.close());

  it('lets exactly one of two simultaneous decisions on an "any" approval win; the other gets 409 with the state', async () => {
    for (let round = 0; round < 5; round += 1) {
      const ticket = await client.createTicket('requester', {
        workflowKey: 'single-approval',
        title: `Race ${round}`,
        fields: { amount: 1 },
      });
      const task = await client.taskFor('finance1', ticket.id, 'approve');
      const [a, b] = await Promise.all([
        client.act('finance1', task.id, 'approve', { comment: 'yes' }),
        client.act('finance2', task.id, 'reject', { comment: 'no' }),
      ]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      const loser = a.status === 409 ? a : b;
      expect(loser.body).toMatchObject({
        code: 'task-already-decided',
        details: { task: { status: 'completed' } },
      });
      const transitions = await client.transitions('requester', ticket.id);
      expect(transitions.filter((tr) => tr.from === 'approve' && tr.to !== 'approve')).toHaveLength(1);
    }
  });

  it('advances an "all" approval exactly once when the last two approvals arrive together', async () => {
    for (let round = 0; round < 5; round += 1) {
      const ticket = await client.createTicket('requester', {
        workflowKey: 'dual-approval',
        title: `All ${round}`,
        fields: { amount: 1 },
      });
      const task = await client.taskFor('finance1', ticket.id, 'approve');
      const [a, b] = await Promise.all([
        client.act('finance1', task.id, 'approve', { comment: 'ok' }),
        client.act('finance2', task.id, 'approve', { comment: 'ok' }),
      ]);
      expect([a.status, b.status]).toEqual([200, 200]);
      expect(await client.ticket('requester', ticket.id)).toMatchObject({
        status: 'completed',
        outcome: 'resolved',
      });
      const transitions = await client.transitions('requester', ticket.id);
      expect(transitions.filter((tr) => tr.to === 'done')).toHaveLength(1);
      expect(transitions.map((tr) => tr.seq)).toEqual(transitions.map((_, index) => index + 1));
    }
  });

  it('needs both approvers under "all": one approval leaves the step open and out of that approver\'s inbox', async () => {
    const ticket = await client.createTicket('requester', {
      workflowKey: 'dual-approval',
      title: 'Two keys',
      fields: { amount: 1 },
    });
    const task = await client.taskFor('finance1', ticket.id, 'approve');
    expect((await client.act('finance1', task.id, 'approve')).body).toMatchObject({ status: 'open' });
    expect((await client.inbox('finance1')).some((entry) => entry.id === task.id)).toBe(false);
    expect((await client.inbox('finance2')).some((entry) => entry.id === task.id)).toBe(true);
    const again = await client.act('finance1', task.id, 'approve');
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('already-decided');
    expect((await client.act('finance2', task.id, 'approve')).status).toBe(200);
    expect((await client.ticket('requester', ticket.id)).outcome).toBe('resolved');
  });

  it('acts once for a retried request with the same Idempotency-Key', async () => {
    const ticket = await client.createTicket('requester', {
      workflowKey: 'dual-approval',
      title: 'Retry',
      fields: { amount: 1 },
    });
    const task = await client.taskFor('finance1', ticket.id, 'approve');
    const headers = { 'Idempotency-Key': `approve-${task.id}` };
    const first = await client.act('finance1', task.id, 'approve', { comment: 'once' }, headers);
    const second = await client.act('finance1', task.id, 'approve', { comment: 'once' }, headers);
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.body).toEqual(first.body);
    const votes = (await client.transitions('admin', ticket.id)).filter((tr) => tr.detail?.kind === 'vote');
    expect(votes).toHaveLength(1);
    const elsewhere = await client.act('finance1', task.id, 'reject', { comment: 'other' }, headers);
    expect(elsewhere.status).toBe(422);
    expect(elsewhere.body.code).toBe('idempotency-key-reused');
  });

  it('creates one ticket for a retried POST /api/tickets with the same key', async () => {
    const body = { workflowKey: 'dual-approval', title: 'Once only', fields: { amount: 5 } };
    const headers = { ...(await client.auth('requester')), 'Idempotency-Key': 'create-once-1' };
    const [a, b] = [
      await t.http.post('/api/tickets').set(headers).send(body),
      await t.http.post('/api/tickets').set(headers).send(body),
    ];
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(b.body.id).toBe(a.body.id);
  });
});
