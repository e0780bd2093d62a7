import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../../test/shared-database.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { ticketClient } from '../../test/ticket-helpers.js';
import { addBusinessTime } from '../timers/business-calendar.js';
import { TimerScheduler } from '../engine/workers/timer-scheduler.js';

const flow = (key: string) => ({
  schemaVersion: 1,
  key,
  name: `SLA ${key}`,
  fields: [],
  nodes: [
    { id: 'start', type: 'start' },
    { id: 'review', type: 'task', name: 'Review', assignee: { role: 'agent' }, timeout: { after: 'P2D' } },
    { id: 'customer', type: 'wait', message: 'customer-replied' },
    { id: 'done', type: 'end', outcome: 'resolved' },
    { id: 'escalated', type: 'end', outcome: 'escalated' },
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'review' },
    { id: 'e2', source: 'review', target: 'customer', on: 'completed' },
    { id: 'e3', source: 'review', target: 'escalated', on: 'timeout' },
    { id: 'e4', source: 'customer', target: 'done', on: 'received' },
  ],
});

interface Clock {
  kind: string;
  status: string;
  dueAt: string | null;
  remainingMs: number | null;
  warnedAt: string | null;
  breachedAt: string | null;
  stoppedAt: string | null;
}

describe('SLAs', () => {
  let t: TestApp;
  let client: ReturnType<typeof ticketClient>;
  beforeAll(async () => {
    t = await startTestApp();
    client = ticketClient(t);
  });
  afterAll(async () => t?.close());

  const sla = async (id: string, user = 'requester') =>
    (
      (
        await t.http
          .get(`/api/tickets/${id}/sla`)
          .set(await client.auth(user))
          .expect(200)
      ).body as { clocks: Clock[] }
    ).clocks;
  const clock = async (id: string, kind: string) =>
    (await sla(id, 'admin')).find((entry) => entry.kind === kind) as Clock;
  /** Makes the ticket's SLA timer of `purpose` due now and lets the scheduler fire it. */
  const expire = async (id: string, key: string) => {
    await t.db.dataSource.query(
      `UPDATE timers SET due_at = now() - interval '1 second' WHERE timer_key = $1 AND instance_id = (SELECT id FROM instances WHERE ticket_id = $2)`,
      [key, id],
    );
    t.app.get(TimerScheduler).wake();
    await eventually(
      async () => {
        const [row] = (await t.db.dataSource.query(
          `SELECT status FROM timers WHERE timer_key = $1 AND instance_id = (SELECT id FROM instances WHERE ticket_id = $2)`,
          [key, id],
        )) as { status: string }[];
        return row?.status === 'fired';
      },
      8000,
      `timer ${key}`,
    );
  };

  it('lets admins edit policies; others may not', async () => {
    const admin = await client.auth('admin');
    const saved = await t.http.put('/api/sla/policies').set(admin).send({
      workflowKey: 'sla-notify',
      responseMinutes: 60,
      resolutionMinutes: 240,
      warnBeforePercent: 25,
      pauseWhileWaiting: true,
      escalationRole: 'manager',
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      workflowKey: 'sla-notify',
      priority: null,
      responseMinutes: 60,
      resolutionMinutes: 240,
      breachAction: 'notify',
    });
    const replaced = await t.http.put('/api/sla/policies').set(admin).send({
      workflowKey: 'sla-notify',
      responseMinutes: 30,
      resolutionMinutes: 240,
      warnBeforePercent: 25,
      pauseWhileWaiting: true,
      escalationRole: 'manager',
    });
    expect(replaced.body.id).toBe(saved.body.id);
    expect(
      (
        await t.http
          .put('/api/sla/policies')
          .set(await client.auth('agent'))
          .send({ workflowKey: 'x', responseMinutes: 1 })
      ).status,
    ).toBe(403);
    const invalid = await t.http.put('/api/sla/policies').set(admin).send({ workflowKey: 'sla-notify' });
    expect(invalid.status).toBe(400);
    expect(invalid.body.code).toBe('sla-without-target');
  });

  it('runs response and resolution clocks, warns, breaches with notifications, stops response on the first action, pauses while waiting', async () => {
    const ticket = await client.publishAndCreate(flow('sla-notify'), { title: 'Clocked' });
    const clocks = await sla(ticket.id);
    expect(clocks.map((entry) => [entry.kind, entry.status])).toEqual([
      ['response', 'running'],
      ['resolution', 'running'],
    ]);
    const response = clocks[0] as Clock;
    expect(new Date(response.dueAt as string).getTime() - Date.now()).toBeGreaterThan(29 * 60_000);
    expect(response.remainingMs).toBeGreaterThan(29 * 60_000);

    await expire(ticket.id, 'sla:response:warning');
    expect((await clock(ticket.id, 'response')).warnedAt).toBeTruthy();
    await expire(ticket.id, 'sla:response:breach');
    expect(await clock(ticket.id, 'response')).toMatchObject({ status: 'breached' });
    const managerNotes = (
      await t.http
        .get('/api/notifications')
        .set(await client.auth('manager'))
        .expect(200)
    ).body as { ticketId: string; kind: string }[];
    expect(managerNotes.filter((note) => note.ticketId === ticket.id).map((note) => note.kind)).toEqual([
      'sla-breach',
    ]);
    const agentNotes = (
      await t.http
        .get('/api/notifications')
        .set(await client.auth('agent'))
        .expect(200)
    ).body as { ticketId: string; kind: string }[];
    expect(
      agentNotes
        .filter((note) => note.ticketId === ticket.id && note.kind.startsWith('sla-'))
        .map((note) => note.kind)
        .sort(),
    ).toEqual(['sla-breach', 'sla-warning']);

    const task = await client.taskFor('agent', ticket.id, 'review');
    expect((await client.act('agent', task.id, 'complete')).status).toBe(200);
    const afterReview = await sla(ticket.id);
    expect(afterReview.find((entry) => entry.kind === 'response')).toMatchObject({ status: 'breached' });
    expect(afterReview.find((entry) => entry.kind === 'response')?.stoppedAt).toBeTruthy();
    const paused = afterReview.find((entry) => entry.kind === 'resolution') as Clock;
    expect(paused).toMatchObject({ status: 'paused', dueAt: null, remainingMs: null });
    const [timer] = (await t.db.dataSource.query(
      `SELECT status FROM timers WHERE timer_key = 'sla:resolution:breach' AND instance_id = (SELECT id FROM instances WHERE ticket_id = $1)`,
      [ticket.id],
    )) as { status: string }[];
    expect(timer?.status).toBe('cancelled');

    await t.http
      .post(`/api/tickets/${ticket.id}/events/customer-replied`)
      .set(await client.auth('requester'))
      .send({})
      .expect(200);
    expect(await clock(ticket.id, 'resolution')).toMatchObject({ status: 'met' });
    expect(await sla(ticket.id, 'finance1').catch(() => null)).toBeNull();
  });

  it('follows the step timeout edge when the breach action says so', async () => {
    await t.http
      .put('/api/sla/policies')
      .set(await client.auth('admin'))
      .send({
        workflowKey: 'sla-timeout',
        priority: 'urgent',
        resolutionMinutes: 15,
        warnBeforePercent: 0,
        breachAction: 'timeout',
      })
      .expect(200);
    const normal = await client.publishAndCreate(flow('sla-timeout'), { title: 'Normal' });
    expect(await sla(normal.id)).toEqual([]);
    // Staff set priorities (requesters may not on this workflow, issue 17).
    const urgent = await client.createTicket('agent', {
      workflowKey: 'sla-timeout',
      title: 'Urgent',
      fields: {},
      priority: 'urgent',
    });
    expect((await sla(urgent.id, 'agent')).map((entry) => entry.kind)).toEqual(['resolution']);
    await expire(urgent.id, 'sla:resolution:breach');
    expect(await client.ticket('admin', urgent.id)).toMatchObject({
      status: 'completed',
      outcome: 'escalated',
    });
    expect(await clock(urgent.id, 'resolution')).toMatchObject({ status: 'breached' });
  });

  it('reads and replaces the business calendar (admin), refusing a bad one', async () => {
    const agent = await client.auth('agent');
    expect((await t.http.get('/api/settings/business-calendar').set(agent).expect(200)).body).toMatchObject({
      workingDays: [1, 2, 3, 4, 5],
      startMinute: 540,
    });
    const calendar = {
      workingDays: [0, 1, 2, 3, 4],
      startMinute: 480,
      endMinute: 1020,
      utcOffsetMinutes: 480,
      holidays: ['2026-10-01'],
    };
    expect((await t.http.put('/api/settings/business-calendar').set(agent).send(calendar)).status).toBe(403);
    const admin = await client.auth('admin');
    expect(
      (await t.http.put('/api/settings/business-calendar').set(admin).send(calendar).expect(200)).body,
    ).toEqual(calendar);
    expect((await t.http.get('/api/settings/business-calendar').set(agent).expect(200)).body).toEqual(
      calendar,
    );
    // A business-hours timeout is counted in the stored calendar.
    await client.publish({
      schemaVersion: 1,
      key: 'business-timeout',
      name: 'Business timeout',
      fields: [],
      nodes: [
        { id: 'start', type: 'start' },
        {
          id: 'review',
          type: 'task',
          assignee: { role: 'agent' },
          timeout: { after: 'PT3H', businessHours: true },
        },
        { id: 'end', type: 'end' },
      ],
      edges: [
        { id: 'e1', source: 'start', target: 'review' },
        { id: 'e2', source: 'review', target: 'end', on: 'completed' },
        { id: 'e3', source: 'review', target: 'end', on: 'timeout' },
      ],
    });
    const before = new Date();
    const ticket = await client.createTicket('requester', {
      workflowKey: 'business-timeout',
      title: 'Office hours',
      fields: {},
    });
    const after = new Date();
    const [timer] = (await t.db.dataSource.query(
      `SELECT due_at FROM timers WHERE instance_id = (SELECT id FROM instances WHERE ticket_id = $1)`,
      [ticket.id],
    )) as { due_at: Date }[];
    const due = new Date(timer?.due_at as Date).getTime();
    expect(due).toBeGreaterThanOrEqual(addBusinessTime(before, 3 * 3_600_000, calendar).getTime());
    expect(due).toBeLessThanOrEqual(addBusinessTime(after, 3 * 3_600_000, calendar).getTime());
    const bad = await t.http
      .put('/api/settings/business-calendar')
      .set(admin)
      .send({ ...calendar, startMinute: 1100 });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/startMinute < endMinute/);
  });
});
