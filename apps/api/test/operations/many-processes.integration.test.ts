import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/database/migrations/index.js';
import {
  createScratchDatabase,
  requireBuiltApi,
  sleep,
  startApiProcess,
  type ApiProcess,
} from '../reliability/api-process.js';
import { attachReceiptOver } from '../attachment-helpers.js';
import { retryingClient } from '../reliability/retrying-client.js';
import { openInboxStream } from './sse-reader.js';

const serverUrl = process.env.DATABASE_URL;

/**
 * Several API processes on one PostgreSQL, as compose.yaml runs them: they
 * start together on an empty database, see each other's changes through
 * LISTEN/NOTIFY, and leave the load balancer's rotation before they stop.
 */
describe.skipIf(!serverUrl)(
  'operations: three API processes on one database (needs DATABASE_URL, a real PostgreSQL: processes cannot share the embedded database)',
  () => {
    let database: { url: string; drop(): Promise<void> };
    let processes: ApiProcess[] = [];
    let startMs = 0;
    const query = async <T>(sql: string): Promise<T[]> => {
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      try {
        return (await client.query(sql)).rows as T[];
      } finally {
        await client.end();
      }
    };

    beforeAll(async () => {
      requireBuiltApi();
      database = await createScratchDatabase(serverUrl as string, 'tf_ops');
      const jwtSecret = randomBytes(32).toString('hex');
      const started = Date.now();
      // All three at once on the empty database: migrations and demo seeding race unless locked.
      processes = await Promise.all(
        [1, 2, 3].map(() =>
          startApiProcess({
            databaseUrl: database.url,
            jwtSecret,
            env: { SHUTDOWN_DELAY_MS: '1500', SHUTDOWN_GRACE_MS: '5000' },
          }),
        ),
      );
      startMs = Date.now() - started;
    });
    afterAll(async () => {
      await Promise.all(processes.map((process) => process.stop()));
      await database?.drop();
    });

    it('all come up when started at once on an empty database, with each migration and each demo row written once', async () => {
      for (const process of processes) {
        const ready = await fetch(`${process.baseUrl}/api/health/ready`);
        expect(ready.status).toBe(200);
      }
      const migrations = await query<{ name: string; n: number }>(
        'SELECT name, count(*)::int AS n FROM migrations GROUP BY name',
      );
      expect(migrations).toHaveLength(MIGRATIONS.length);
      expect(migrations.every((row) => row.n === 1)).toBe(true);
      const [versions] = await query<{ n: number; keys: number }>(
        'SELECT count(*)::int AS n, count(DISTINCT key)::int AS keys FROM workflow_versions',
      );
      expect(versions?.n).toBe(versions?.keys);
      console.log(
        `operations: 3 processes ready ${startMs} ms after a simultaneous start; ${migrations.length} migrations applied once`,
      );
    });

    /** Logs in through A and returns an approval of finance's waiting on a new refund ticket made through B. */
    async function financeApproval(round: string) {
      const [a, b] = processes as [ApiProcess, ApiProcess];
      const viaA = retryingClient(() => a.baseUrl);
      const viaB = retryingClient(() => b.baseUrl);
      const login = async (username: string) =>
        (
          (await viaA.call('POST', '/api/auth/login', undefined, { username, password: 'demo' })).body as {
            accessToken: string;
          }
        ).accessToken;
      const [requester, agent, finance1, finance2] = (await Promise.all(
        ['requester', 'agent', 'finance1', 'finance2'].map(login),
      )) as [string, string, string, string];
      const ticket = (
        await viaB.call('POST', '/api/tickets', requester, {
          workflowKey: 'refund-approval',
          title: `Cross-process ${round}`,
          fields: { refundAmount: 6200 },
        })
      ).body as { id: string };
      await attachReceiptOver(b.baseUrl, requester, ticket.id);
      const review = (
        (await viaB.call('GET', '/api/tasks', agent)).body as { id: string; ticketId: string }[]
      ).find((task) => task.ticketId === ticket.id);
      expect((await viaB.call('POST', `/api/tasks/${review?.id}/complete`, agent, {})).status).toBe(200);
      const approval = (
        (await viaB.call('GET', '/api/tasks?kind=approval', finance1)).body as {
          id: string;
          ticketId: string;
        }[]
      ).find((task) => task.ticketId === ticket.id);
      return {
        a,
        finance2,
        approve: () => viaB.call('POST', `/api/tasks/${approval?.id}/approve`, finance1, { comment: 'ok' }),
      };
    }

    it('carries an approval on process B to an inbox stream on process A within one second', async () => {
      const delays: number[] = [];
      for (let round = 0; round < 5; round += 1) {
        const { a, finance2, approve } = await financeApproval(String(round));
        // finance2 watches on A; finance1 decides the shared approval on B.
        const stream = await openInboxStream(a.baseUrl, finance2);
        try {
          const sent = Date.now();
          expect((await approve()).status).toBe(200);
          const arrived = await stream.nextInbox(1000);
          delays.push(arrived - sent);
        } finally {
          stream.close();
        }
      }
      console.log(`operations: approval on B seen by a stream on A after ${delays.join(', ')} ms`);
      expect(Math.max(...delays)).toBeLessThan(1000);
    });

    it('listens again after the database drops the listening connection', async () => {
      const { a, finance2, approve } = await financeApproval('reconnect');
      const killed = await query<{ pid: number }>(
        `SELECT pg_terminate_backend(pid) AS pid FROM pg_stat_activity WHERE application_name = 'ticketflow-listen' AND datname = current_database()`,
      );
      expect(killed).toHaveLength(3);
      // Back-off starts at 250 ms; give the three listeners time to come back.
      const deadline = Date.now() + 10_000;
      while (
        (
          await query(
            `SELECT 1 FROM pg_stat_activity WHERE application_name = 'ticketflow-listen' AND datname = current_database()`,
          )
        ).length < 3
      ) {
        if (Date.now() > deadline) throw new Error('listeners did not reconnect within 10 s');
        await sleep(100);
      }
      const stream = await openInboxStream(a.baseUrl, finance2);
      try {
        expect((await approve()).status).toBe(200);
        await stream.nextInbox(1000);
      } finally {
        stream.close();
      }
    });

    it('turns readiness 503 on SIGTERM while still answering, then exits cleanly within the grace period', async () => {
      const c = processes[2] as ApiProcess;
      expect((await fetch(`${c.baseUrl}/api/health/ready`)).status).toBe(200);
      const sent = Date.now();
      const { exited } = c.signal('SIGTERM');
      let notReadyAfter: number | undefined;
      while (Date.now() - sent < 1400) {
        const ready = await fetch(`${c.baseUrl}/api/health/ready`);
        if (ready.status === 503) {
          expect(await ready.json()).toMatchObject({ code: 'not-ready', details: { reason: 'draining' } });
          notReadyAfter = Date.now() - sent;
          break;
        }
        await sleep(20);
      }
      expect(notReadyAfter).toBeDefined();
      // Still serving during the delay: liveness and ordinary requests answer.
      expect((await fetch(`${c.baseUrl}/api/health`)).status).toBe(200);
      expect(await exited).toBe(0);
      const exitMs = Date.now() - sent;
      await expect(fetch(`${c.baseUrl}/api/health`)).rejects.toThrow();
      console.log(
        `operations: readiness 503 ${notReadyAfter} ms after SIGTERM; exited with 0 after ${exitMs} ms (delay 1500 ms)`,
      );
      expect(exitMs).toBeGreaterThanOrEqual(1500);
    });
  },
);
