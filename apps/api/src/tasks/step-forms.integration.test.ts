import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { ticketClient } from '../../test/ticket-helpers.js';

interface InboxItem {
  id: string;
  workflowVersion?: number;
  ticketId: string;
  nodeId: string;
  fields?: Record<string, unknown>;
  requester?: { username: string; displayName: string };
  lastComment?: { text: string; by: string; visibility: string };
  form?: { field: string; mode: string }[];
}

describe('step forms: every person sees what they decide on, and changes only what their step allows', () => {
  let t: TestApp;
  let client: ReturnType<typeof ticketClient>;
  beforeAll(async () => {
    t = await startTestApp();
    client = ticketClient(t);
  });
  afterAll(async () => t?.close());

  /** A refund whose receipt is attached, so the agent's review may be completed. */
  const refund = (amount: number, title = 'Refund order 1042') =>
    client.createRefund({ title, fields: { refundAmount: amount, channel: 'web' } });
  const get = async (username: string, path: string) =>
    (
      await t.http
        .get(path)
        .set(await client.auth(username))
        .expect(200)
    ).body;

  it("refuses a field outside the step's form with a 400 naming it, and writes nothing", async () => {
    const ticket = await refund(12000);
    const review = await client.taskFor('agent', ticket.id, 'review');
    const before = await client.transitions('admin', ticket.id);
    const response = await client.act('agent', review.id, 'complete', { fields: { refundAmount: 100 } });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({
      code: 'field-not-editable',
      message: expect.stringContaining('fields.refundAmount'),
    });
    const after = await client.ticket('admin', ticket.id);
    expect(after).toMatchObject({ activeNodes: ['review'], fields: { refundAmount: 12000 } });
    expect(await client.transitions('admin', ticket.id)).toHaveLength(before.length);
    expect(
      (await client.act('agent', review.id, 'complete', { fields: { refundAmount: null } })).body.code,
    ).toBe('field-not-editable');
  });

  it('refuses approving with a field the approval only shows', async () => {
    const ticket = await refund(300);
    await client.act('agent', (await client.taskFor('agent', ticket.id, 'review')).id, 'complete');
    const approval = await client.taskFor('manager', ticket.id, 'manager');
    const response = await client.act('manager', approval.id, 'approve', { fields: { refundAmount: 1 } });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('field-not-editable');
    expect((await client.ticket('admin', ticket.id)).activeNodes).toEqual(['manager']);
  });

  it('refuses clearing a required field with null, and a value of the wrong type, naming the field', async () => {
    const ticket = await client.createTicket('requester', {
      workflowKey: 'it-change',
      title: 'Upgrade the database',
      fields: { changeSummary: 'Postgres 15 to 17', changeType: 'normal' },
    });
    const assess = await client.taskFor('manager', ticket.id, 'assess');
    const cleared = await client.act('manager', assess.id, 'complete', { fields: { risk: null } });
    expect(cleared.status).toBe(400);
    expect(cleared.body).toMatchObject({
      code: 'field-required',
      message: expect.stringContaining('fields.risk'),
    });
    const missing = await client.act('manager', assess.id, 'complete', {
      fields: { implementationPlan: 'rolling' },
    });
    expect(missing.body.code).toBe('field-required');
    const wrongType = await client.act('manager', assess.id, 'complete', { fields: { risk: 42 } });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body).toMatchObject({
      code: 'invalid-fields',
      message: expect.stringContaining('fields.risk'),
    });
    expect((await client.ticket('admin', ticket.id)).activeNodes).toEqual(['assess']);
  });

  it('records every field change on the transition with old and new value and the actor', async () => {
    const ticket = await client.createTicket('requester', {
      workflowKey: 'it-change',
      title: 'Patch the firewall',
      fields: { changeSummary: 'Patch', changeType: 'normal', risk: 'low' },
    });
    const assess = await client.taskFor('manager', ticket.id, 'assess');
    expect(
      (
        await client.act('manager', assess.id, 'complete', {
          fields: { risk: 'high', backoutPlan: 'restore the snapshot' },
        })
      ).status,
    ).toBe(200);
    const transitions = (await client.transitions('admin', ticket.id)) as {
      from: string | null;
      actor?: string;
      detail?: { fieldChanges?: unknown[] };
    }[];
    const left = transitions.find((tr) => tr.from === 'assess');
    expect(left?.actor).toBe('manager');
    expect(left?.detail?.fieldChanges).toEqual([
      { field: 'backoutPlan', from: null, to: 'restore the snapshot' },
      { field: 'risk', from: 'low', to: 'high' },
    ]);
  });

  it('gives the approver the values the step shows, the requester and the last comment before the step', async () => {
    const ticket = await refund(12000, 'Refund the broken TV');
    const review = await client.taskFor('agent', ticket.id, 'review');
    expect(
      (
        await client.act('agent', review.id, 'complete', {
          comment: 'Receipt checked, customer is a regular',
        })
      ).status,
    ).toBe(200);
    const inbox = (await get('finance1', '/api/tasks')) as InboxItem[];
    const item = inbox.find((task) => task.ticketId === ticket.id);
    expect(item).toMatchObject({
      nodeId: 'finance',
      workflowVersion: 1,
      fields: { refundAmount: 12000, channel: 'web' },
      requester: { username: 'requester' },
      lastComment: { text: 'Receipt checked, customer is a regular', by: 'agent', visibility: 'internal' },
    });
    expect(item?.form?.map((entry) => `${entry.field}:${entry.mode}`)).toEqual([
      'refundAmount:read',
      'channel:read',
    ]);
    expect(await get('finance1', `/api/tasks/${item?.id}`)).toMatchObject({
      fields: { refundAmount: 12000 },
    });
  });

  it('keeps the last comment from before the step, not a note added while it waits', async () => {
    const ticket = await refund(16000, 'Refund the cracked phone');
    const review = await client.taskFor('agent', ticket.id, 'review');
    await client.act('agent', review.id, 'complete', { comment: 'Photo of the crack attached' });
    await t.http
      .post(`/api/tickets/${ticket.id}/comments`)
      .set(await client.auth('agent'))
      .send({ text: 'Customer called again' })
      .expect(201);
    const inbox = (await get('finance1', '/api/tasks')) as InboxItem[];
    const item = inbox.find((task) => task.ticketId === ticket.id);
    expect(item?.lastComment).toMatchObject({ text: 'Photo of the crack attached', by: 'agent' });
    expect((await get('finance1', `/api/tasks/${item?.id}`)).lastComment).toMatchObject({
      text: 'Photo of the crack attached',
    });
  });

  describe('what the requester reads', () => {
    let ticketId: string;
    beforeAll(async () => {
      const ticket = await refund(9000, 'Refund the late sofa');
      ticketId = ticket.id;
      await client.act('agent', (await client.taskFor('agent', ticket.id, 'review')).id, 'complete', {
        comment: 'INTERNAL: fraud score is low',
      });
      await t.http
        .post(`/api/tickets/${ticket.id}/comments`)
        .set(await client.auth('agent'))
        .send({ text: 'INTERNAL: checked with the warehouse' })
        .expect(201);
      await t.http
        .post(`/api/tickets/${ticket.id}/comments`)
        .set(await client.auth('agent'))
        .send({ text: 'We are checking your refund.', visibility: 'public' })
        .expect(201);
      await t.http
        .post(`/api/tickets/${ticket.id}/comments`)
        .set(await client.auth('requester'))
        .send({ text: 'Thank you!', visibility: 'internal' })
        .expect(201);
      const approval = await client.taskFor('finance1', ticket.id, 'finance');
      expect(
        (
          await client.act('finance1', approval.id, 'approve', {
            comment: 'Your refund is on its way.',
            visibility: 'public',
          })
        ).status,
      ).toBe(200);
    });

    it('never contains internal comments, staff names or branch conditions', async () => {
      for (const path of [
        `/api/tickets/${ticketId}`,
        `/api/tickets/${ticketId}/transitions`,
        `/api/tickets/${ticketId}/comments`,
        '/api/tickets',
      ]) {
        const text = JSON.stringify(await get('requester', path));
        for (const hidden of ['INTERNAL', '"agent"', 'finance1', 'greaterThan', '5000', 'fieldChanges'])
          expect(text, `${path} shows ${hidden}`).not.toContain(hidden);
      }
    });

    it('shows the steps by name and time, and the public comments', async () => {
      const timeline = (await get('requester', `/api/tickets/${ticketId}/transitions`)) as {
        toName?: string;
        comment?: string;
        at: string;
      }[];
      expect(timeline.map((entry) => entry.toName).filter(Boolean)).toEqual(
        expect.arrayContaining(['Agent review', 'Finance approval']),
      );
      expect(timeline.every((entry) => typeof entry.at === 'string')).toBe(true);
      const comments = (await get('requester', `/api/tickets/${ticketId}/comments`)) as {
        text: string;
        by: string | null;
        visibility: string;
      }[];
      expect(comments.map((comment) => comment.text)).toEqual([
        'We are checking your refund.',
        'Thank you!',
        'Your refund is on its way.',
      ]);
      expect(comments.map((comment) => comment.by)).toEqual([null, 'requester', null]);
    });

    it('lets staff read every comment with its author', async () => {
      const comments = (await get('agent', `/api/tickets/${ticketId}/comments`)) as {
        text: string;
        by: string;
        visibility: string;
      }[];
      expect(comments).toHaveLength(5);
      expect(comments[0]).toMatchObject({
        text: 'INTERNAL: fraud score is low',
        by: 'agent',
        visibility: 'internal',
      });
    });

    it('notifies the requester of public replies and the outcome, and the approvers of their step', async () => {
      const mine = (await get('requester', '/api/notifications')) as {
        kind: string;
        ticketId: string;
        body: string;
      }[];
      const kinds = mine
        .filter((n) => n.ticketId === ticketId)
        .map((n) => n.kind)
        .sort();
      expect(kinds).toEqual(['ticket.comment', 'ticket.comment', 'ticket.resolved']);
      expect(mine.some((n) => n.body.includes('INTERNAL'))).toBe(false);
      const finance = (await get('finance2', '/api/notifications')) as { kind: string; ticketId: string }[];
      expect(finance.filter((n) => n.ticketId === ticketId).map((n) => n.kind)).toEqual(['task.approval']);
      const requesterNotAsked = (await get('requester', '/api/notifications')) as { kind: string }[];
      expect(requesterNotAsked.some((n) => n.kind === 'task.approval' || n.kind === 'task.assigned')).toBe(
        false,
      );
    });
  });

  it('refuses a comment with an unknown visibility, or from someone who cannot see the ticket', async () => {
    const ticket = await refund(50);
    const bad = await t.http
      .post(`/api/tickets/${ticket.id}/comments`)
      .set(await client.auth('agent'))
      .send({ text: 'x', visibility: 'everyone' });
    expect(bad.status).toBe(400);
    const stranger = await t.http
      .post(`/api/tickets/${ticket.id}/comments`)
      .set(await client.auth('engineer1'))
      .send({ text: 'hi' });
    expect(stranger.status).toBe(404);
  });
});
