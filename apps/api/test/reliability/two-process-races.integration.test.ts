import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dualApprovalDefinition, singleApprovalDefinition } from '../fixtures/dual-approval.js';
import { createScratchDatabase, requireBuiltApi, startApiProcess, type ApiProcess } from './api-process.js';
import { inPool, retryingClient } from './retrying-client.js';

const serverUrl = process.env.DATABASE_URL;
const soak = process.env.SOAK === '1';
const ANY_ROUNDS = soak ? 1000 : 200;
const ALL_ROUNDS = soak ? 500 : 100;

interface Transition {
  seq: number;
  to: string | null;
  detail?: { kind: string };
}

/**
 * Two API processes over one PostgreSQL: the instance row lock and the
 * `UPDATE … WHERE seq` check must hold across processes, not just inside one
 * Node event loop. Decisions on one approval go through different processes
 * at the same moment.
 */
describe.skipIf(!serverUrl)(
  'reliability: races — two API processes over one database (needs DATABASE_URL, a real PostgreSQL: two processes cannot share the embedded database)',
  () => {
    let database: { url: string; drop(): Promise<void> };
    let a: ApiProcess;
    let b: ApiProcess;
    beforeAll(async () => {
      requireBuiltApi();
      database = await createScratchDatabase(serverUrl as string);
      const jwtSecret = randomBytes(32).toString('hex');
      // One after the other: the first runs the migrations and seeds the demo data.
      a = await startApiProcess({ databaseUrl: database.url, jwtSecret });
      b = await startApiProcess({ databaseUrl: database.url, jwtSecret });
    });
    afterAll(async () => {
      await Promise.all([a?.stop(), b?.stop()]);
      await database?.drop();
    });

    it(
      `decides each of ${ANY_ROUNDS} "any" approvals exactly once and advances ${ALL_ROUNDS} "all" steps exactly once`,
      async () => {
        const viaA = retryingClient(() => a.baseUrl);
        const viaB = retryingClient(() => b.baseUrl);
        const login = async (username: string) =>
          (
            (await viaA.call('POST', '/api/auth/login', undefined, { username, password: 'demo' })).body as {
              accessToken: string;
            }
          ).accessToken;
        const [owner, admin, requester, finance1, finance2] = (await Promise.all(
          ['owner', 'admin', 'requester', 'finance1', 'finance2'].map(login),
        )) as [string, string, string, string, string];
        for (const definition of [singleApprovalDefinition('race-any'), dualApprovalDefinition('race-all')]) {
          expect(
            (await viaA.call('PUT', `/api/workflows/${definition.key}/draft`, owner, { definition })).status,
          ).toBe(200);
          expect(
            (await viaB.call('POST', `/api/workflows/${definition.key}/publish`, admin, {})).status,
          ).toBe(201);
        }
        const approvalOf = async (ticketId: string) => {
          const inbox = (await viaA.call('GET', `/api/tasks?kind=approval`, finance1)).body as {
            id: string;
            ticketId: string;
          }[];
          return inbox.find((task) => task.ticketId === ticketId)?.id;
        };
        const createTickets = async (workflowKey: string, count: number) => {
          const ids: string[] = [];
          await inPool(
            Array.from({ length: count }, (_, i) => i),
            8,
            async (i) => {
              const client = i % 2 === 0 ? viaA : viaB;
              const response = await client.call('POST', '/api/tickets', requester, {
                workflowKey,
                title: `Race ${i}`,
                fields: { amount: i },
              });
              expect(response.status).toBe(201);
              ids.push((response.body as { id: string }).id);
            },
          );
          return ids;
        };
        // Staff see the whole timeline; a requester's is reduced to step names and times (issue 16).
        const transitionsOf = async (ticketId: string) =>
          (await viaA.call('GET', `/api/tickets/${ticketId}/transitions`, admin)).body as Transition[];

        // "any": finance1 approves through A while finance2 rejects through B.
        const anyTickets = await createTickets('race-any', ANY_ROUNDS);
        const anyTasks = (await viaA.call('GET', `/api/tasks?kind=approval&workflowKey=race-any`, finance1))
          .body as { id: string; ticketId: string }[];
        expect(anyTasks).toHaveLength(ANY_ROUNDS);
        const outcomes = { approved: 0, rejected: 0, conflicts: 0 };
        await inPool(anyTasks, 8, async (task) => {
          const [first, second] = await Promise.all([
            viaA.call('POST', `/api/tasks/${task.id}/approve`, finance1, { comment: 'yes' }),
            viaB.call('POST', `/api/tasks/${task.id}/reject`, finance2, { comment: 'no' }),
          ]);
          expect([first.status, second.status].sort()).toEqual([200, 409]);
          const loser = first.status === 409 ? first : second;
          expect(loser.body).toMatchObject({
            code: 'task-already-decided',
            details: { task: { status: 'completed' } },
          });
          outcomes.conflicts += 1;
          if (first.status === 200) outcomes.approved += 1;
          else outcomes.rejected += 1;
        });
        await inPool(anyTickets, 8, async (ticketId) => {
          const transitions = await transitionsOf(ticketId);
          expect(transitions.filter((tr) => tr.detail?.kind === 'vote')).toHaveLength(1);
          expect(transitions.filter((tr) => tr.to === 'done' || tr.to === 'rejected')).toHaveLength(1);
          expect(transitions.map((tr) => tr.seq)).toEqual(transitions.map((_, index) => index + 1));
        });

        // "all": both finance approvers' approvals arrive together through different processes.
        const allTickets = await createTickets('race-all', ALL_ROUNDS);
        await inPool(allTickets, 8, async (ticketId) => {
          const taskId = await approvalOf(ticketId);
          expect(taskId).toBeDefined();
          const [first, second] = await Promise.all([
            viaA.call('POST', `/api/tasks/${taskId}/approve`, finance1, { comment: 'ok' }),
            viaB.call('POST', `/api/tasks/${taskId}/approve`, finance2, { comment: 'ok' }),
          ]);
          expect([first.status, second.status]).toEqual([200, 200]);
          const transitions = await transitionsOf(ticketId);
          expect(transitions.filter((tr) => tr.detail?.kind === 'vote')).toHaveLength(2);
          expect(transitions.filter((tr) => tr.to === 'done')).toHaveLength(1);
          expect(transitions.map((tr) => tr.seq)).toEqual(transitions.map((_, index) => index + 1));
          const ticket = (await viaB.call('GET', `/api/tickets/${ticketId}`, requester)).body as {
            status: string;
            outcome: string;
          };
          expect(ticket).toMatchObject({ status: 'completed', outcome: 'resolved' });
        });
        console.log(
          `reliability: races — ${ANY_ROUNDS} "any" approvals decided once across two processes (${outcomes.approved} approved, ${outcomes.rejected} rejected, ${outcomes.conflicts} losers got 409), ${ALL_ROUNDS} "all" steps advanced exactly once`,
        );
      },
      soak ? 1_800_000 : 240_000,
    );
  },
);
