import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import {
  createScratchDatabase,
  requireBuiltApi,
  sleep,
  startApiProcess,
  type ApiProcess,
} from './api-process.js';
import { inPool, retryingClient } from './retrying-client.js';

const serverUrl = process.env.DATABASE_URL;
const TIMER_TICKETS = 20;
const ACTION_TICKETS = 10;

/** A receiver that can hold a call unanswered (the sender dies mid-send) and dedupes by Idempotency-Key. */
class HoldingReceiver {
  readonly calls: { key: string; path: string }[] = [];
  readonly effective = new Map<string, number>();
  hold = false;
  private held: ServerResponse[] = [];
  private server: Server | null = null;
  origin = '';

  async start(): Promise<void> {
    this.server = createServer((request: IncomingMessage, response: ServerResponse) => {
      request.resume();
      request.on('end', () => {
        const key = String(request.headers['idempotency-key']);
        this.calls.push({ key, path: request.url ?? '' });
        if (this.hold) {
          this.held.push(response);
          return;
        }
        this.effective.set(key, (this.effective.get(key) ?? 0) + 1);
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ label: { number: `L-${this.effective.size}` } }));
      });
    });
    await new Promise<void>((done) => this.server?.listen(0, '127.0.0.1', done));
    this.origin = `http://127.0.0.1:${(this.server?.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    for (const response of this.held) response.destroy();
    this.server?.closeAllConnections();
    await new Promise<void>((done) => (this.server ? this.server.close(() => done()) : done()));
  }
}

const timerFlow = {
  schemaVersion: 1,
  key: 'crash-timer',
  name: 'Crash timer',
  fields: [],
  nodes: [
    { id: 'start', type: 'start' },
    { id: 'pause', type: 'timer', after: 'PT3S' },
    { id: 'done', type: 'end', outcome: 'resolved' },
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'pause' },
    { id: 'e2', source: 'pause', target: 'done' },
  ],
};
const callFlow = (key: string, url: string) => ({
  schemaVersion: 1,
  key,
  name: `Crash call ${key}`,
  fields: [{ name: 'trackingNo', type: 'string' }],
  nodes: [
    { id: 'start', type: 'start' },
    {
      id: 'call',
      type: 'action',
      name: 'Book courier',
      action: {
        type: 'http',
        method: 'POST',
        url,
        body: { ticket: '{{ticket.id}}' },
        responseMapping: { trackingNo: 'label.number' },
      },
    },
    { id: 'done', type: 'end', outcome: 'resolved' },
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'call' },
    { id: 'e2', source: 'call', target: 'done', on: 'ok' },
  ],
});

/**
 * Durable timers and the transactional outbox across SIGKILL: work committed
 * before the crash is done exactly once after the restart. Real PostgreSQL only.
 */
describe.skipIf(!serverUrl)(
  'reliability: timers and outbox across a crash (needs DATABASE_URL, a real PostgreSQL: the crash is a SIGKILL of a separate API process)',
  () => {
    let database: { url: string; drop(): Promise<void> };
    let api: ApiProcess;
    const receiver = new HoldingReceiver();
    let db: pg.Client;
    const client = retryingClient(() => api.baseUrl);
    const tokens: Record<string, string> = {};
    const login = async (username: string) => {
      const response = await client.call('POST', '/api/auth/login', undefined, {
        username,
        password: 'demo',
      });
      tokens[username] = (response.body as { accessToken: string }).accessToken;
    };
    const publish = async (definition: { key: string }) => {
      expect(
        (await client.call('PUT', `/api/workflows/${definition.key}/draft`, tokens.owner, { definition }))
          .status,
      ).toBe(200);
      expect(
        (await client.call('POST', `/api/workflows/${definition.key}/publish`, tokens.admin, {})).status,
      ).toBe(201);
    };
    const createTickets = async (workflowKey: string, count: number) => {
      const ids: string[] = [];
      await inPool(
        Array.from({ length: count }, (_, i) => i),
        4,
        async (i) => {
          const response = await client.call('POST', '/api/tickets', tokens.requester, {
            workflowKey,
            title: `Crash ${i}`,
            fields: {},
          });
          expect(response.status, JSON.stringify(response.body)).toBe(201);
          ids.push((response.body as { id: string }).id);
        },
      );
      return ids;
    };
    const until = async (what: string, check: () => Promise<boolean>, timeoutMs = 90_000) => {
      const deadline = Date.now() + timeoutMs;
      while (!(await check())) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
        await sleep(200);
      }
    };
    const countWhere = async (sql: string, params: unknown[]) =>
      ((await db.query(sql, params)).rows[0] as { n: number }).n;
    const allCompleted = (ids: string[]) => async () =>
      (await countWhere(
        `SELECT count(*)::int AS n FROM tickets WHERE id = ANY($1::uuid[]) AND status = 'completed'`,
        [ids],
      )) === ids.length;
    const eventsPerInstance = (ids: string[], event: string) =>
      db
        .query(
          `SELECT i.ticket_id, count(tr.seq) FILTER (WHERE tr.event = $2)::int AS n, max(tr.seq) AS last, count(tr.seq)::int AS total, i.seq
                FROM instances i LEFT JOIN transitions tr ON tr.instance_id = i.id WHERE i.ticket_id = ANY($1::uuid[]) GROUP BY i.id`,
          [ids, event],
        )
        .then(
          (result) =>
            result.rows as { ticket_id: string; n: number; last: number; total: number; seq: number }[],
        );

    beforeAll(async () => {
      requireBuiltApi();
      await receiver.start();
      database = await createScratchDatabase(serverUrl as string);
      api = await startApiProcess({
        databaseUrl: database.url,
        jwtSecret: randomBytes(32).toString('hex'),
        env: {
          WORKER_POLL_MS: '100',
          OUTBOX_BACKOFF_MS: '50',
          HTTP_ACTION_TIMEOUT_MS: '1000',
          HTTP_ACTION_ALLOW_PRIVATE_HOSTS: '127.0.0.1',
        },
      });
      db = new pg.Client({ connectionString: database.url });
      await db.connect();
      for (const username of ['owner', 'admin', 'requester']) await login(username);
      await publish(timerFlow);
      await publish(callFlow('crash-call', `${receiver.origin}/labels/{{ticket.id}}`));
    });
    afterAll(async () => {
      await db?.end();
      await api?.stop();
      await receiver.stop();
      await database?.drop();
    });

    it(`fires ${TIMER_TICKETS} timers that fell due while the server was down exactly once after the restart`, async () => {
      const ids = await createTickets('crash-timer', TIMER_TICKETS);
      await api.kill();
      expect(
        await countWhere(
          `SELECT count(*)::int AS n FROM timers t JOIN instances i ON i.id = t.instance_id WHERE i.ticket_id = ANY($1::uuid[]) AND t.status = 'scheduled'`,
          [ids],
        ),
      ).toBe(TIMER_TICKETS);
      const lastDue = (
        (
          await db.query(
            `SELECT max(t.due_at) AS last_due FROM timers t JOIN instances i ON i.id = t.instance_id WHERE i.ticket_id = ANY($1::uuid[])`,
            [ids],
          )
        ).rows[0] as { last_due: Date }
      ).last_due;
      await sleep(Math.max(0, lastDue.getTime() - Date.now()) + 500);
      await api.restart();
      await until('the overdue timers to fire', allCompleted(ids));
      const rows = await eventsPerInstance(ids, 'timer.fire');
      expect(rows.filter((row) => row.n !== 1)).toEqual([]);
      expect(rows.filter((row) => row.total !== row.last || row.seq !== row.last)).toEqual([]);
      expect(
        await countWhere(
          `SELECT count(*)::int AS n FROM timers t JOIN instances i ON i.id = t.instance_id WHERE i.ticket_id = ANY($1::uuid[]) AND t.status = 'fired' AND t.fired_at >= t.due_at`,
          [ids],
        ),
      ).toBe(TIMER_TICKETS);
      console.log(
        `reliability: timers — ${TIMER_TICKETS} timers due during a SIGKILL outage fired exactly once after restart`,
      );
    }, 120_000);

    it(`delivers ${ACTION_TICKETS} HTTP actions committed just before the process died, once each, by idempotency key`, async () => {
      // Workers off: the transition and its outbox row commit, nothing is sent — then the process dies.
      await api.kill();
      await api.restart({ WORKERS: 'off' });
      const ids = await createTickets('crash-call', ACTION_TICKETS);
      expect(
        await countWhere(
          `SELECT count(*)::int AS n FROM outbox o JOIN instances i ON i.id = o.instance_id WHERE i.ticket_id = ANY($1::uuid[]) AND o.status = 'pending'`,
          [ids],
        ),
      ).toBe(ACTION_TICKETS);
      expect(receiver.calls).toHaveLength(0);
      await api.kill();
      await api.restart();
      await until('the pending actions to be delivered', allCompleted(ids));
      expect(receiver.calls).toHaveLength(ACTION_TICKETS);
      expect(new Set(receiver.calls.map((call) => call.key)).size).toBe(ACTION_TICKETS);
      const rows = await eventsPerInstance(ids, 'action.result');
      expect(rows.filter((row) => row.n !== 1)).toEqual([]);
      expect(rows.filter((row) => row.total !== row.last || row.seq !== row.last)).toEqual([]);
    }, 120_000);

    it('re-sends an action whose sender died mid-request under the same Idempotency-Key; the receiver acts once', async () => {
      receiver.calls.length = 0;
      receiver.effective.clear();
      receiver.hold = true;
      const [id] = (await createTickets('crash-call', 1)) as [string];
      await until('the first attempt to reach the receiver', async () => receiver.calls.length === 1, 30_000);
      await api.kill();
      receiver.hold = false;
      await api.restart();
      // The dead process's claim must lapse first (HTTP timeout + 30 s lease).
      await until('the action to be re-sent and settle', allCompleted([id]), 90_000);
      const keys = new Set(receiver.calls.map((call) => call.key));
      expect(receiver.calls.length).toBeGreaterThanOrEqual(2);
      expect(keys.size).toBe(1);
      expect([...receiver.effective.values()]).toEqual([1]);
      const rows = await eventsPerInstance([id], 'action.result');
      expect(rows[0]?.n).toBe(1);
      console.log(
        `reliability: outbox — ${ACTION_TICKETS} actions committed before a SIGKILL delivered once each; 1 action cut off mid-send re-sent after restart under the same key (${receiver.calls.length} attempts, 1 effective); ${api.starts} process starts`,
      );
    }, 150_000);
  },
);
