import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { createScratchDatabase, requireBuiltApi, startApiProcess, type ApiProcess } from './api-process.js';
import { checkInstances } from './check-instances.js';
import { CHAIN_STEPS, chainDefinition } from './reliability-flows.js';
import { inPool, retryingClient } from './retrying-client.js';

const serverUrl = process.env.DATABASE_URL;
const soak = process.env.SOAK === '1';
const TICKETS = soak ? 1000 : 200;
const KILLS = soak ? 20 : 5;
const CONCURRENCY = 8;
const WORKFLOW = 'reliability-chain';

interface TaskSummary {
  id: string;
  ticketId: string;
  nodeId: string;
  kind: 'task' | 'approval';
}

/**
 * Clients drive TICKETS × 10 steps while the API is SIGKILLed KILLS times at
 * random moments and restarted; every request that fails for lack of an answer
 * is retried with the same Idempotency-Key. Afterwards the database must hold
 * exactly the acknowledged work, and every instance must equal a replay of its
 * transitions. Real PostgreSQL only: under SIGKILL the embedded database's
 * durability is PGlite's own crash safety, not something this suite proves.
 */
describe.skipIf(!serverUrl)(
  "reliability: crash — SIGKILL the API while clients act, then check the books (needs DATABASE_URL, a real PostgreSQL: under SIGKILL the embedded database is PGlite's own crash safety)",
  () => {
    let database: { url: string; drop(): Promise<void> };
    let api: ApiProcess;
    beforeAll(async () => {
      requireBuiltApi();
      database = await createScratchDatabase(serverUrl as string);
      api = await startApiProcess({ databaseUrl: database.url, jwtSecret: randomBytes(32).toString('hex') });
    });
    afterAll(async () => {
      await api?.stop();
      await database?.drop();
    });

    it(
      `keeps every acknowledged transition exactly once through ${KILLS} SIGKILLs`,
      async () => {
        const client = retryingClient(() => api.baseUrl);
        const token = async (username: string) => {
          const response = await client.call('POST', '/api/auth/login', undefined, {
            username,
            password: 'demo',
          });
          expect(response.status).toBe(200);
          return (response.body as { accessToken: string }).accessToken;
        };
        const [owner, admin, requester, agent, finance] = (await Promise.all(
          ['owner', 'admin', 'requester', 'agent', 'finance1'].map(token),
        )) as [string, string, string, string, string];
        expect(
          (
            await client.call('PUT', `/api/workflows/${WORKFLOW}/draft`, owner, {
              definition: chainDefinition(WORKFLOW),
            })
          ).status,
        ).toBe(200);
        expect((await client.call('POST', `/api/workflows/${WORKFLOW}/publish`, admin, {})).status).toBe(201);

        // Kill points spread over the run, each at a random place in its slice.
        const totalAcks = TICKETS * (CHAIN_STEPS + 1);
        const slice = totalAcks / (KILLS + 1);
        const killAt = Array.from({ length: KILLS }, (_, k) =>
          Math.floor(slice * (k + 0.5) + Math.random() * slice),
        );
        let acks = 0;
        let kills = 0;
        let crashing: Promise<void> = Promise.resolve();
        const acknowledged = () => {
          acks += 1;
          if (kills < KILLS && acks >= (killAt[kills] as number)) {
            kills += 1;
            crashing = crashing.then(async () => {
              await api.kill();
              await api.restart();
            });
          }
        };

        const ticketIds: string[] = [];
        await inPool(
          Array.from({ length: TICKETS }, (_, i) => i),
          CONCURRENCY,
          async (i) => {
            const response = await client.call(
              'POST',
              '/api/tickets',
              requester,
              { workflowKey: WORKFLOW, title: `Crash ${i}`, fields: { amount: i } },
              { 'Idempotency-Key': `crash-create-${i}` },
            );
            expect(response.status, JSON.stringify(response.body)).toBe(201);
            ticketIds[i] = (response.body as { id: string }).id;
            acknowledged();
          },
        );

        const done = new Map<string, TaskSummary>();
        for (let round = 0; round < CHAIN_STEPS * 3; round += 1) {
          const inbox = async (who: string, kind: string) => {
            const response = await client.call('GET', `/api/tasks?workflowKey=${WORKFLOW}&kind=${kind}`, who);
            expect(response.status).toBe(200);
            return response.body as TaskSummary[];
          };
          const open = [...(await inbox(agent, 'task')), ...(await inbox(finance, 'approval'))];
          if (open.length === 0) break;
          await inPool(open, CONCURRENCY, async (task) => {
            const path = `/api/tasks/${task.id}/${task.kind === 'task' ? 'complete' : 'approve'}`;
            const response = await client.call(
              'POST',
              path,
              task.kind === 'task' ? agent : finance,
              {},
              { 'Idempotency-Key': `crash-${task.id}` },
            );
            expect(response.status, `${path}: ${JSON.stringify(response.body)}`).toBe(200);
            expect(done.has(task.id), `task ${task.id} acknowledged twice`).toBe(false);
            done.set(task.id, task);
            acknowledged();
          });
        }
        await crashing;

        expect(kills).toBe(KILLS);
        expect(api.starts).toBe(KILLS + 1);
        expect(done.size).toBe(TICKETS * CHAIN_STEPS);

        const db = new pg.Client({ connectionString: database.url });
        await db.connect();
        try {
          const tickets = (
            await db.query(`SELECT id, status, outcome FROM tickets WHERE workflow_key = $1`, [WORKFLOW])
          ).rows as { id: string; status: string; outcome: string }[];
          expect(tickets).toHaveLength(TICKETS);
          expect(new Set(tickets.map((ticket) => ticket.id))).toEqual(new Set(ticketIds));
          expect(
            tickets.every((ticket) => ticket.status === 'completed' && ticket.outcome === 'resolved'),
          ).toBe(true);
          // Every acknowledged step is recorded as completed, by exactly one user transition.
          const completed = (
            await db.query(
              `SELECT k.id, count(tr.seq)::int AS moves FROM tasks k
           JOIN transitions tr ON tr.instance_id = k.instance_id AND tr.from_node = k.node_id AND tr.to_node <> k.node_id AND tr.event <> 'auto'
          WHERE k.ticket_id = ANY($1::uuid[]) AND k.status = 'completed' GROUP BY k.id`,
              [ticketIds],
            )
          ).rows as { id: string; moves: number }[];
          expect(completed).toHaveLength(done.size);
          expect(completed.filter((row) => row.moves !== 1)).toEqual([]);
          expect(new Set(completed.map((row) => row.id))).toEqual(new Set(done.keys()));
          const votes = (
            await db.query(
              'SELECT count(*)::int AS n FROM approval_votes v JOIN tasks k ON k.id = v.task_id WHERE k.ticket_id = ANY($1::uuid[])',
              [ticketIds],
            )
          ).rows[0] as { n: number };
          expect(votes.n).toBe(TICKETS);
        } finally {
          await db.end();
        }

        const fields = new Map(ticketIds.map((id, i) => [id, { amount: i }]));
        const check = await checkInstances(database.url, WORKFLOW, (id) => fields.get(id) ?? {});
        expect(check.problems).toEqual([]);
        expect(check.instances).toBe(TICKETS);
        expect(check.replayedEvents).toBe(TICKETS * CHAIN_STEPS);
        console.log(
          `reliability: crash — ${done.size + TICKETS} acknowledged actions (${done.size} steps, ${TICKETS} tickets), ${check.transitions} transitions checked by replay over ${check.instances} instances, ${kills} kills survived, ${client.stats.retries} retried requests`,
        );
      },
      soak ? 1_800_000 : 240_000,
    );
  },
);
