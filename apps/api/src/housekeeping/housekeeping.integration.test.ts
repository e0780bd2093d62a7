import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { ticketClient } from '../../test/ticket-helpers.js';
import { loadConfig } from '../config/app-config.js';
import { HousekeepingService } from './housekeeping.service.js';

/**
 * Rows of every kind housekeeping looks at, half of them past retention, plus
 * rows it must keep whatever their age. Labels in `note`-like columns say
 * which is which, so the assertions read the survivors by label.
 */
describe('housekeeping', () => {
  let t: TestApp;
  beforeAll(async () => {
    const base = loadConfig({}).operations;
    // Batches of 2 so the run needs several batches per table; no background runs.
    t = await startTestApp({
      operations: { ...base, retention: { ...base.retention, batchSize: 2, intervalMinutes: 0 } },
    });
  });
  afterAll(async () => t?.close());

  const q = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) =>
    t.db.dataSource.query(sql, params) as Promise<T[]>;
  const labels = async (sql: string) => (await q<{ label: string }>(sql)).map((row) => row.label).sort();

  it('removes only rows past retention that no longer drive anything, in batches, and never transitions or audit rows', async () => {
    const ticket = await ticketClient(t).createTicket('requester', {
      workflowKey: 'refund-approval',
      title: 'Housekeeping',
      fields: { refundAmount: 6200 },
    });
    const [instance] = await q<{ id: string }>('SELECT id FROM instances WHERE ticket_id = $1', [ticket.id]);
    const [user] = await q<{ id: string }>(`SELECT id FROM users WHERE username = 'agent'`);
    const instanceId = instance?.id;
    const userId = user?.id;
    const old = `now() - interval '400 days'`;

    for (const [label, age] of [
      ['old-1', old],
      ['old-2', old],
      ['old-3', old],
      ['new', 'now()'],
    ] as const) {
      await q(
        `INSERT INTO idempotency_keys (user_id, key, method, path, status_code, created_at) VALUES ($1, $2, 'POST', '/api/x', 200, ${age})`,
        [userId, label],
      );
    }
    const timer = (label: string, status: string, age: string, fired: boolean) =>
      q(
        `INSERT INTO timers (instance_id, timer_key, node_id, purpose, due_at, status, fired_at, created_at) VALUES ($1, $2, 'review', 'timeout', ${age}, $3, ${fired ? age : 'NULL'}, ${age})`,
        [instanceId, label, status],
      );
    await timer('fired-old', 'fired', old, true);
    await timer('fired-old-2', 'fired', old, true);
    await timer('cancelled-old', 'cancelled', old, false);
    await timer('fired-new', 'fired', 'now()', true);
    await timer('scheduled-old', 'scheduled', old, false);
    await timer('failed-old', 'failed', old, false);
    const outbox = (label: string, status: string, age: string) =>
      q<{ id: string }>(
        `INSERT INTO outbox (instance_id, action_key, node_id, payload, status, created_at, done_at) VALUES ($1, $2, 'call', '{}', $3, ${age}, ${status === 'pending' ? 'NULL' : age}) RETURNING id`,
        [instanceId, label, status],
      );
    await outbox('done-old', 'done', old);
    await outbox('cancelled-old', 'cancelled', old);
    await outbox('done-new', 'done', 'now()');
    await outbox('failed-old', 'failed', old);
    await outbox('pending-old', 'pending', old);
    const [linked] = await outbox('done-old-incident', 'done', old);
    await q(
      `INSERT INTO incidents (instance_id, node_id, code, message, status, outbox_id) VALUES ($1, 'call', 'action-failed', 'x', 'resolved', $2)`,
      [instanceId, linked?.id],
    );
    const notification = (label: string, read: string | null, age: string) =>
      q(
        `INSERT INTO notifications (user_id, kind, title, created_at, read_at) VALUES ($1, 'test', $2, ${age}, ${read ?? 'NULL'})`,
        [userId, label],
      );
    await notification('read-old', old, old);
    await notification('read-new', 'now()', old);
    await notification('unread-old', null, old);
    for (const [label, age] of [
      ['intake-old', old],
      ['intake-new', 'now()'],
    ] as const) {
      await q(
        `INSERT INTO intake_messages (channel, status, status_code, payload, received_at) VALUES ('email', 'rejected', 400, $1, ${age})`,
        [label],
      );
    }
    for (const [label, status, age] of [
      ['mail-rejected-old', 'rejected', old],
      ['mail-ignored-old', 'ignored', old],
      ['mail-rejected-new', 'rejected', 'now()'],
      ['mail-ticket-old', 'ticket', old],
    ] as const)
      await q(
        `INSERT INTO mail_messages (message_id, status, subject, received_at) VALUES ($1, $2, $1, ${age})`,
        [label, status],
      );
    const history = `SELECT (SELECT count(*) FROM transitions)::int AS transitions, (SELECT count(*) FROM audit_log)::int AS audit`;
    const [before] = await q<{ transitions: number; audit: number }>(history);
    expect(before?.transitions).toBeGreaterThan(0);

    const report = await t.app.get(HousekeepingService).runOnce();

    expect(report.ran).toBe(true);
    expect(report.deleted).toEqual({
      idempotency_keys: 3,
      timers: 3,
      outbox: 2,
      notifications: 1,
      intake_messages: 1,
      mail_messages: 2,
    });
    // 3 old keys in batches of 2: a full batch, then a short one; every table ends with a short batch.
    expect(report.batches).toBeGreaterThanOrEqual(7);
    expect(await labels(`SELECT key AS label FROM idempotency_keys WHERE path = '/api/x'`)).toEqual(['new']);
    expect(
      await labels(
        `SELECT timer_key AS label FROM timers WHERE instance_id = '${instanceId}' AND purpose = 'timeout' AND timer_key LIKE '%-%'`,
      ),
    ).toEqual(['failed-old', 'fired-new', 'scheduled-old']);
    expect(
      await labels(`SELECT action_key AS label FROM outbox WHERE instance_id = '${instanceId}'`),
    ).toEqual(['done-new', 'done-old-incident', 'failed-old', 'pending-old']);
    expect(await labels(`SELECT title AS label FROM notifications WHERE kind = 'test'`)).toEqual([
      'read-new',
      'unread-old',
    ]);
    expect(await labels(`SELECT payload AS label FROM intake_messages`)).toEqual(['intake-new']);
    expect(await labels(`SELECT subject AS label FROM mail_messages`)).toEqual([
      'mail-rejected-new',
      'mail-ticket-old',
    ]);
    const [after] = await q<{ transitions: number; audit: number }>(history);
    expect(after).toEqual(before);

    const again = await t.app.get(HousekeepingService).runOnce();
    expect(Object.values(again.deleted).every((count) => count === 0)).toBe(true);
  });
});
