import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { ticketClient } from '../../test/ticket-helpers.js';
import { TransactionRunner } from '../common/context/transaction-runner.js';
import { EngineService } from '../engine/engine.service.js';
import { TimerScheduler } from '../engine/workers/timer-scheduler.js';
import { AutomationService } from './automation.service.js';

type Transition = Awaited<ReturnType<ReturnType<typeof ticketClient>['transitions']>>[number] & {
  detail?: {
    kind: string;
    rule?: string;
    trigger?: string;
    eventId?: string;
    actions?: { type: string; result: string; recipients?: string[] }[];
  };
};

/** Waits for work done after commit (step and field rules run once the change is committed). */
async function eventually<T>(
  read: () => Promise<T>,
  ok: (value: T) => boolean,
  timeoutMs = 5000,
): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() - started > timeoutMs) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('automation rules', () => {
  let t: TestApp;
  let admin: { Authorization: string };
  let client: ReturnType<typeof ticketClient>;
  const created: string[] = [];
  const rule = async (body: Record<string, unknown>) => {
    const response = await t.http.post('/api/rules').set(admin).send(body).expect(201);
    created.push(response.body.id);
    return response.body as { id: string; position: number };
  };
  const ruleEntries = async (ticketId: string) =>
    ((await client.transitions('admin', ticketId)) as Transition[]).filter((entry) => entry.event === 'rule');
  const refund = async (amount: number, extra: Record<string, unknown> = {}) =>
    // Requesters may not choose a priority here (issue 17), so tickets with one are opened by staff.
    (await client.createTicket(extra.priority ? 'owner' : 'requester', {
      workflowKey: 'refund-approval',
      title: `Refund ${amount}`,
      fields: { refundAmount: amount },
      ...extra,
    })) as unknown as { id: string; tags: string[] };

  beforeAll(async () => {
    t = await startTestApp();
    admin = { Authorization: `Bearer ${await t.login('admin')}` };
    client = ticketClient(t);
  });
  afterEach(async () => {
    for (const id of created.splice(0)) await t.http.delete(`/api/rules/${id}`).set(admin).expect(204);
  });
  afterAll(async () => t?.close());

  it('lists rules in their position order, whatever their trigger', async () => {
    // Sorted by trigger first (the old order), the SLA rule would come before both ticket rules.
    const late = await rule({
      name: 'sla rule',
      trigger: 'sla.warning',
      position: 30,
      actions: [{ type: 'add-tag', tag: 'a' }],
    });
    const early = await rule({
      name: 'ticket rule',
      trigger: 'ticket.created',
      position: 10,
      actions: [{ type: 'add-tag', tag: 'b' }],
    });
    const middle = await rule({
      name: 'another ticket rule',
      trigger: 'ticket.created',
      position: 20,
      actions: [{ type: 'add-tag', tag: 'c' }],
    });
    const listed = (await t.http.get('/api/rules').set(admin).expect(200)).body as {
      id: string;
      position: number;
    }[];
    const ours = listed
      .filter((entry) => [late.id, early.id, middle.id].includes(entry.id))
      .map((entry) => entry.id);
    expect(ours).toEqual([early.id, middle.id, late.id]);
    const positions = listed.map((entry) => entry.position);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('runs creation rules in their order and records each firing on the timeline', async () => {
    await rule({
      name: 'then high',
      trigger: 'ticket.created',
      position: 20,
      actions: [
        { type: 'set-priority', priority: 'high' },
        { type: 'add-tag', tag: 'second' },
      ],
    });
    await rule({
      name: 'first urgent',
      trigger: 'ticket.created',
      position: 10,
      actions: [
        { type: 'set-priority', priority: 'urgent' },
        { type: 'add-tag', tag: 'first' },
        { type: 'set-assignee-group', group: 'finance' },
      ],
    });
    const ticket = await refund(100);
    expect(ticket).toMatchObject({ priority: 'high', tags: ['first', 'second'], assigneeGroup: 'finance' });
    const entries = await ruleEntries(ticket.id);
    expect(entries.map((entry) => entry.detail?.rule)).toEqual(['first urgent', 'then high']);
    expect(entries[0]?.detail).toMatchObject({
      kind: 'rule',
      trigger: 'ticket.created',
      eventId: 'created',
      actions: [
        { type: 'set-priority', result: 'applied' },
        { type: 'add-tag', result: 'applied' },
        { type: 'set-assignee-group', result: 'applied' },
      ],
    });
    const seqs = ((await client.transitions('admin', ticket.id)) as Transition[]).map((entry) => entry.seq);
    expect(seqs).toEqual(seqs.map((_, index) => index + 1));
  });

  it('stops at the first matching rule that says so', async () => {
    await rule({
      name: 'big refunds',
      trigger: 'ticket.created',
      position: 10,
      stopProcessing: true,
      condition: { all: [{ fact: 'refundAmount', operator: 'greaterThan', value: 5000 }] },
      actions: [{ type: 'add-tag', tag: 'big' }],
    });
    await rule({
      name: 'everything else',
      trigger: 'ticket.created',
      position: 20,
      actions: [{ type: 'add-tag', tag: 'small' }],
    });
    expect((await refund(6200)).tags).toEqual(['big']);
    expect((await refund(300)).tags).toEqual(['small']);
  });

  it('matches on the channel and the ticket priority', async () => {
    await rule({
      name: 'urgent wechat',
      trigger: 'ticket.created',
      condition: {
        all: [
          { fact: 'ticket.channel', operator: 'equal', value: 'wechat' },
          { fact: 'ticket.priority', operator: 'in', value: ['high', 'urgent'] },
        ],
      },
      actions: [{ type: 'add-tag', tag: 'hot' }],
    });
    expect((await refund(10, { channel: 'wechat', priority: 'urgent' })).tags).toEqual(['hot']);
    expect((await refund(10, { channel: 'web', priority: 'urgent' })).tags).toEqual([]);
  });

  it('fires a step rule once when the step is entered, with its notification recipients', async () => {
    await rule({
      name: 'finance heads-up',
      trigger: 'step.entered',
      condition: { fact: 'event.nodeId', operator: 'equal', value: 'finance' },
      actions: [
        { type: 'add-tag', tag: 'finance-review' },
        { type: 'notify', to: { role: 'finance' }, message: 'A large refund needs you' },
      ],
    });
    const ticket = await refund(7000);
    await client.attachReceipt(ticket.id);
    const review = await client.taskFor('agent', ticket.id, 'review');
    expect((await client.act('agent', review.id, 'complete')).status).toBe(200);
    const entries = await eventually(
      () => ruleEntries(ticket.id),
      (list) => list.length > 0,
    );
    expect(entries).toHaveLength(1);
    expect(entries[0]?.detail).toMatchObject({
      rule: 'finance heads-up',
      trigger: 'step.entered',
      actions: [
        { type: 'add-tag', result: 'applied' },
        { type: 'notify', result: 'applied', recipients: ['finance1', 'finance2'] },
      ],
    });
    expect((await client.ticket('admin', ticket.id)) as unknown).toMatchObject({ tags: ['finance-review'] });

    // The rule ran in the step's own transaction: one firing, one timeline entry.
    expect(await ruleEntries(ticket.id)).toHaveLength(1);
    const [{ n }] = (await t.db.dataSource.query(
      'SELECT count(*)::int AS n FROM rule_firings WHERE ticket_id = $1',
      [ticket.id],
    )) as [{ n: number }];
    expect(n).toBe(1);
  });

  it('fires on a field change, and a retried creation (same Idempotency-Key) fires nothing twice', async () => {
    await rule({
      name: 'amount raised',
      trigger: 'field.changed',
      condition: {
        all: [
          { fact: 'event.field', operator: 'equal', value: 'refundAmount' },
          { fact: 'refundAmount', operator: 'greaterThan', value: 5000 },
        ],
      },
      actions: [
        { type: 'set-priority', priority: 'high' },
        { type: 'set-field', field: 'channel', value: 'phone' },
      ],
    });
    await rule({
      name: 'tag on create',
      trigger: 'ticket.created',
      actions: [{ type: 'add-tag', tag: 'new' }],
    });
    // A review that may correct the amount (the template's review only shows it).
    const template = JSON.parse(
      readFileSync(new URL('../../../../workflows/refund-approval.json', import.meta.url), 'utf8'),
    ) as { nodes: { id: string; form?: unknown }[] };
    const review = template.nodes.find((node) => node.id === 'review') as { form?: unknown };
    review.form = {
      fields: [
        { field: 'refundAmount', mode: 'edit' },
        { field: 'channel', mode: 'read' },
      ],
    };
    await client.publish({
      ...template,
      key: 'refund-corrected',
      name: 'Refund (amount corrected at review)',
    });
    const body = { workflowKey: 'refund-corrected', title: 'Retry', fields: { refundAmount: 100 } };
    const headers = {
      Authorization: `Bearer ${await t.login('requester')}`,
      'Idempotency-Key': 'rules-retry-1',
    };
    const first = await t.http.post('/api/tickets').set(headers).send(body).expect(201);
    const again = await t.http.post('/api/tickets').set(headers).send(body).expect(201);
    expect(again.body.id).toBe(first.body.id);
    const id = first.body.id as string;
    const task = await client.taskFor('agent', id, 'review');
    expect((await client.act('agent', task.id, 'complete', { fields: { refundAmount: 9000 } })).status).toBe(
      200,
    );
    const entries = await eventually(
      () => ruleEntries(id),
      (list) => list.length >= 2,
    );
    expect(entries.map((entry) => entry.detail?.rule)).toEqual(['tag on create', 'amount raised']);
    expect(entries.map((entry) => entry.detail?.eventId)).toEqual([
      'created',
      expect.stringMatching(/^field:refundAmount:\d+$/),
    ]);
    const ticket = (await t.http.get(`/api/tickets/${id}`).set(admin).expect(200)).body;
    expect(ticket).toMatchObject({
      priority: 'high',
      tags: ['new'],
      fields: { refundAmount: 9000, channel: 'phone' },
    });
    // The rule's own change (channel) is not a new happening.
    expect(await ruleEntries(id)).toHaveLength(2);
  });

  it('refuses invalid rules with 400 and names the problem', async () => {
    const response = await t.http
      .post('/api/rules')
      .set(admin)
      .send({
        name: 'bad',
        trigger: 'ticket.created',
        condition: { fact: 'title', operator: 'matches', value: '.*' },
        actions: [{ type: 'add-tag', tag: 'x' }],
      })
      .expect(400);
    expect(response.body).toMatchObject({ code: 'invalid-rule' });
    expect(response.body.message).toContain('"matches" is not supported');
  });

  it('lists, reads and replaces rules', async () => {
    const { id } = await rule({
      name: 'one',
      trigger: 'sla.warning',
      actions: [{ type: 'add-tag', tag: 'late' }],
    });
    await t.http
      .put(`/api/rules/${id}`)
      .set(admin)
      .send({
        name: 'renamed',
        trigger: 'sla.warning',
        position: 5,
        actions: [{ type: 'add-tag', tag: 'late' }],
        stopProcessing: true,
      })
      .expect(200);
    expect((await t.http.get(`/api/rules/${id}`).set(admin).expect(200)).body).toMatchObject({
      name: 'renamed',
      position: 5,
      stopProcessing: true,
      enabled: true,
    });
    expect(
      ((await t.http.get('/api/rules').set(admin).expect(200)).body as { id: string }[]).map((r) => r.id),
    ).toContain(id);
    await t.http.get('/api/rules/not-a-rule').set(admin).expect(404);
  });

  it('runs SLA warning rules when the SLA warning timer fires, once, and notifies in the app', async () => {
    await t.http
      .put('/api/sla/policies')
      .set(admin)
      .send({
        workflowKey: 'refund-approval',
        priority: 'high',
        responseMinutes: 60,
        resolutionMinutes: 240,
        warnBeforePercent: 25,
      })
      .expect(200);
    await rule({
      name: 'sla warning',
      trigger: 'sla.warning',
      condition: { fact: 'event.sla', operator: 'equal', value: 'response' },
      actions: [
        { type: 'add-tag', tag: 'sla-at-risk' },
        { type: 'notify', to: { role: 'manager' }, message: 'A refund is about to miss its response time' },
      ],
    });
    const ticket = await refund(50, { priority: 'high' });
    const key = 'sla:response:warning';
    await t.db.dataSource.query(
      `UPDATE timers SET due_at = now() - interval '1 second' WHERE timer_key = $1 AND instance_id = (SELECT id FROM instances WHERE ticket_id = $2)`,
      [key, ticket.id],
    );
    t.app.get(TimerScheduler).wake();
    const entries = await eventually(
      () => ruleEntries(ticket.id),
      (list) => list.length > 0,
      8000,
    );
    expect(entries.map((entry) => [entry.detail?.rule, entry.detail?.trigger])).toEqual([
      ['sla warning', 'sla.warning'],
    ]);
    expect((await client.ticket('admin', ticket.id)) as unknown).toMatchObject({ tags: ['sla-at-risk'] });
    const notes = (
      await t.http
        .get('/api/notifications')
        .set({ Authorization: `Bearer ${await t.login('manager')}` })
        .expect(200)
    ).body as { ticketId: string; kind: string }[];
    expect(notes.filter((note) => note.ticketId === ticket.id && note.kind === 'rule')).toHaveLength(1);

    // The same warning again (a retry of the timer's transaction) fires nothing new.
    const [clock] = (await t.db.dataSource.query(
      `SELECT started_at FROM sla_clocks WHERE ticket_id = $1 AND kind = 'response'`,
      [ticket.id],
    )) as { started_at: Date }[];
    await t.app.get(TransactionRunner).run(async (uow) => {
      const instance = await t.app.get(EngineService).load(uow, { ticketId: ticket.id });
      await t.app.get(AutomationService).onSlaWarning(uow, instance, {
        clock: 'response',
        warningId: new Date(clock?.started_at as Date).toISOString(),
      });
    });
    expect(await ruleEntries(ticket.id)).toHaveLength(1);
  });
});
