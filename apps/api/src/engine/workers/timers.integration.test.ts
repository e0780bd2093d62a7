import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSharedDatabase, eventually, type SharedDatabase } from '../../../test/shared-database.js';
import { startTestApp, type TestApp } from '../../../test/test-app.js';
import { ticketClient } from '../../../test/ticket-helpers.js';
import { TimerScheduler } from './timer-scheduler.js';

const timeoutFlow = (key: string, after: string) => ({
  schemaVersion: 1,
  key,
  name: `Timeout ${key}`,
  fields: [],
  nodes: [
    { id: 'start', type: 'start' },
    { id: 'review', type: 'task', name: 'Review', assignee: { role: 'agent' }, timeout: { after } },
    { id: 'done', type: 'end', outcome: 'resolved' },
    { id: 'late', type: 'end', outcome: 'timed-out' },
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'review' },
    { id: 'e2', source: 'review', target: 'done', on: 'completed' },
    { id: 'e3', source: 'review', target: 'late', on: 'timeout' },
  ],
});

const timerFlow = (key: string, after: string) => ({
  schemaVersion: 1,
  key,
  name: `Timer ${key}`,
  fields: [],
  nodes: [
    { id: 'start', type: 'start' },
    { id: 'pause', type: 'timer', after },
    { id: 'done', type: 'end', outcome: 'resolved' },
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'pause' },
    { id: 'e2', source: 'pause', target: 'done' },
  ],
});

async function timerFires(t: TestApp, ticketId: string): Promise<number> {
  const [row] = (await t.db.dataSource.query(
    `SELECT count(*)::int AS n FROM transitions tr JOIN instances i ON i.id = tr.instance_id WHERE i.ticket_id = $1 AND tr.event = 'timer.fire'`,
    [ticketId],
  )) as { n: number }[];
  return row?.n ?? 0;
}

describe('durable timers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t?.close());

  it('fires a PT2S timeout within 2 s of its due time, as the system, and follows the timeout edge', async () => {
    const client = ticketClient(t);
    const ticket = await client.publishAndCreate(timeoutFlow('timeout-2s', 'PT2S'), {
      title: 'Waits too long',
    });
    const [timer] = (await t.db.dataSource.query(
      `SELECT due_at FROM timers t JOIN instances i ON i.id = t.instance_id WHERE i.ticket_id = $1`,
      [ticket.id],
    )) as { due_at: Date }[];
    const done = await eventually(
      async () => {
        const view = await client.ticket('requester', ticket.id);
        return view.status === 'completed' ? view : undefined;
      },
      8000,
      'the timeout',
    );
    const firedAt = Date.now();
    expect(done.outcome).toBe('timed-out');
    const [row] = (await t.db.dataSource.query(
      `SELECT t.status, t.fired_at FROM timers t JOIN instances i ON i.id = t.instance_id WHERE i.ticket_id = $1`,
      [ticket.id],
    )) as { status: string; fired_at: Date }[];
    expect(row?.status).toBe('fired');
    const lateness = new Date(row?.fired_at as Date).getTime() - new Date(timer?.due_at as Date).getTime();
    expect(lateness).toBeGreaterThanOrEqual(0);
    expect(lateness).toBeLessThan(2000);
    console.info(`PT2S timeout fired ${lateness} ms after its due time`);
    expect(firedAt - new Date(timer?.due_at as Date).getTime()).toBeLessThan(2500);
    const fire = (await client.transitions('requester', ticket.id)).find((tr) => tr.event === 'timer.fire');
    expect(fire).toMatchObject({ from: 'review', to: 'late' });
    expect(fire?.actor).toBeUndefined();
    expect((await client.inbox('agent')).some((task) => task.ticketId === ticket.id)).toBe(false);
  });

  it('cancels the timeout when the step finishes first, so it never fires', async () => {
    const client = ticketClient(t);
    const ticket = await client.publishAndCreate(timeoutFlow('timeout-cancel', 'PT1S'), { title: 'Quick' });
    const task = await client.taskFor('agent', ticket.id, 'review');
    expect((await client.act('agent', task.id, 'complete')).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await client.ticket('requester', ticket.id)).toMatchObject({
      status: 'completed',
      outcome: 'resolved',
    });
    expect(await timerFires(t, ticket.id)).toBe(0);
  });
});

describe('timers in batches', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    // Rounds are driven by the test, not the background loop.
    await t.app.get(TimerScheduler).stop();
  });
  afterAll(async () => t?.close());

  it('fires a batch in one transaction; a timer the runtime no longer waits for is retired without holding the others back', async () => {
    const client = ticketClient(t);
    await client.publish(timerFlow('batch-timers', 'PT1H'));
    const tickets = [];
    for (let index = 0; index < 5; index += 1)
      tickets.push(
        await client.createTicket('requester', {
          workflowKey: 'batch-timers',
          title: `Batch ${index}`,
          fields: {},
        }),
      );
    const bad = tickets[2] as { id: string };
    // A stray row the runtime never scheduled (say, left behind by a bug): the runtime refuses to fire it.
    await t.db.dataSource.query(
      `INSERT INTO timers (instance_id, timer_key, node_id, purpose, due_at) SELECT id, 'stray:timer', 'pause', 'timer', now() - interval '2 seconds' FROM instances WHERE ticket_id = $1`,
      [bad.id],
    );
    await t.db.dataSource.query(
      `UPDATE timers SET due_at = now() - interval '1 second' WHERE timer_key <> 'stray:timer' AND status = 'scheduled'`,
    );
    const scheduler = t.app.get(TimerScheduler);
    const before = scheduler.stats.batches;
    while ((await scheduler.round()).more);
    await scheduler.round();
    for (const ticket of tickets)
      expect(await client.ticket('requester', ticket.id)).toMatchObject({
        status: 'completed',
        outcome: 'resolved',
      });
    const [stray] = (await t.db.dataSource.query(
      `SELECT status, last_error FROM timers WHERE timer_key = 'stray:timer'`,
    )) as { status: string; last_error: string }[];
    expect(stray?.status).toBe('cancelled');
    expect(stray?.last_error).toBeTruthy();
    expect(scheduler.stats.batches - before).toBeLessThanOrEqual(3);
    for (const ticket of tickets) expect(await timerFires(t, ticket.id)).toBe(1);
  });

  it('takes over timers whose claim expired (a killed process) and fires them once; a live claim is left alone', async () => {
    const client = ticketClient(t);
    const dead = await client.publishAndCreate(timerFlow('lease-timers', 'PT1H'), {
      title: 'Claimed by a dead process',
    });
    const alive = await client.createTicket('requester', {
      workflowKey: 'lease-timers',
      title: 'Claimed by a live process',
      fields: {},
    });
    const claim = (ticketId: string, until: string) =>
      t.db.dataSource.query(
        `UPDATE timers SET due_at = now() - interval '1 second', claimed_until = now() + interval '${until}', attempts = 1 WHERE instance_id = (SELECT id FROM instances WHERE ticket_id = $1)`,
        [ticketId],
      );
    await claim(dead.id, '-1 second');
    await claim(alive.id, '1 minute');
    await t.app.get(TimerScheduler).round();
    expect(await client.ticket('requester', dead.id)).toMatchObject({ status: 'completed' });
    expect(await timerFires(t, dead.id)).toBe(1);
    expect(await client.ticket('requester', alive.id)).toMatchObject({ status: 'active' });
    expect(await timerFires(t, alive.id)).toBe(0);
  });
});

describe('timers across restarts', () => {
  let shared: SharedDatabase;
  beforeAll(async () => {
    shared = await createSharedDatabase();
  });
  afterAll(async () => shared?.dispose());

  it('fires a timer that fell due while the server was down promptly after start, once', async () => {
    const first = await shared.startApp();
    const client = ticketClient(first);
    const ticket = await client.publishAndCreate(timerFlow('restart-timer', 'PT1H'), {
      title: 'Across a restart',
    });
    await first.close();

    const db = await shared.open();
    await db.dataSource.query(
      `UPDATE timers SET due_at = now() - interval '5 minutes' WHERE instance_id = (SELECT id FROM instances WHERE ticket_id = $1)`,
      [ticket.id],
    );
    const started = Date.now();
    const second = await shared.startApp({}, db);
    try {
      const done = await eventually(
        async () => {
          const view = await ticketClient(second).ticket('requester', ticket.id);
          return view.status === 'completed' ? view : undefined;
        },
        10_000,
        'the overdue timer',
      );
      expect(done.outcome).toBe('resolved');
      expect(Date.now() - started).toBeLessThan(5000);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await timerFires(second, ticket.id)).toBe(1);
      expect(second.app.get(TimerScheduler).stats.fired).toBe(1);
    } finally {
      await second.close();
    }
  });
});

describe('two API processes on one PostgreSQL', () => {
  const skip = !process.env.DATABASE_URL;
  it.skipIf(skip)(
    'fire 1,000 due timers, each exactly once (skipped without DATABASE_URL: embedded is one process by design)',
    async () => {
      const shared = await createSharedDatabase();
      const a = await shared.startApp({ enabled: false });
      const b = await shared.startApp({ enabled: false });
      try {
        const client = ticketClient(a);
        await client.publish(timerFlow('thousand-timers', 'PT1H'));
        const token = await a.login('requester');
        let next = 0;
        await Promise.all(
          Array.from({ length: 8 }, async () => {
            while (next < 1000) {
              next += 1;
              await a.http
                .post('/api/tickets')
                .set('Authorization', `Bearer ${token}`)
                .send({ workflowKey: 'thousand-timers', title: `T${next}`, fields: {} })
                .expect(201);
            }
          }),
        );
        await a.db.dataSource.query(
          `UPDATE timers SET due_at = now() - interval '1 second' WHERE status = 'scheduled'`,
        );
        const started = Date.now();
        const schedulers = [a.app.get(TimerScheduler), b.app.get(TimerScheduler)];
        schedulers.forEach((scheduler) => scheduler.start());
        await eventually(
          async () => {
            const [row] = (await a.db.dataSource.query(
              `SELECT count(*)::int AS n FROM timers WHERE status = 'scheduled'`,
            )) as { n: number }[];
            return row?.n === 0;
          },
          60_000,
          'all timers to fire',
        );
        const elapsed = Date.now() - started;
        await Promise.all(schedulers.map((scheduler) => scheduler.stop()));
        const fires = (await a.db.dataSource.query(
          `SELECT i.id, count(tr.seq)::int AS n FROM instances i LEFT JOIN transitions tr ON tr.instance_id = i.id AND tr.event = 'timer.fire' GROUP BY i.id`,
        )) as { n: number }[];
        expect(fires).toHaveLength(1000);
        expect(fires.every((row) => row.n === 1)).toBe(true);
        const [completed] = (await a.db.dataSource.query(
          `SELECT count(*)::int AS n FROM tickets WHERE status = 'completed'`,
        )) as { n: number }[];
        expect(completed?.n).toBe(1000);
        const [fired, otherFired] = schedulers.map((scheduler) => scheduler.stats.fired);
        expect((fired ?? 0) + (otherFired ?? 0)).toBe(1000);
        expect(fired).toBeGreaterThan(0);
        expect(otherFired).toBeGreaterThan(0);
        console.info(`1,000 timers fired by two processes in ${elapsed} ms (${fired} + ${otherFired})`);
      } finally {
        await a.close();
        await b.close();
        await shared.dispose();
      }
    },
    180_000,
  );
});
