import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signWebhook } from '../../src/webhooks/webhook-signature.js';
import { singleApprovalDefinition } from '../fixtures/dual-approval.js';
import {
  createScratchDatabase,
  requireBuiltApi,
  sleep,
  startApiProcess,
  type ApiProcess,
} from './api-process.js';
import { retryingClient } from './retrying-client.js';

const serverUrl = process.env.DATABASE_URL;
const WEBHOOK_SECRET = 'two-process-webhook-secret-0123';

const waitFlow = {
  schemaVersion: 1,
  key: 'await-payment',
  name: 'Await payment',
  fields: [{ name: 'paidAmount', type: 'number' }],
  nodes: [
    { id: 'start', type: 'start' },
    { id: 'paid', type: 'wait', message: 'paid' },
    { id: 'done', type: 'end', outcome: 'resolved' },
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'paid' },
    { id: 'e2', source: 'paid', target: 'done', on: 'received' },
  ],
};

/**
 * Issue 17 over two API processes on one PostgreSQL: what one process
 * decides about sessions, sign-in failures and webhook ids, the other
 * knows at the next request — and a restart forgets none of it.
 */
describe.skipIf(!serverUrl)(
  'reliability: sessions, throttling and webhook replay across two API processes (needs DATABASE_URL, a real PostgreSQL: two processes cannot share the embedded database)',
  () => {
    let database: { url: string; drop(): Promise<void> };
    let a: ApiProcess;
    let b: ApiProcess;
    const viaA = retryingClient(() => a.baseUrl);
    const viaB = retryingClient(() => b.baseUrl);
    const login = async (client: typeof viaA, username: string, address = '192.0.2.1', password = 'demo') =>
      client.call(
        'POST',
        '/api/auth/login',
        undefined,
        { username, password },
        { 'X-Forwarded-For': address },
      );
    const tokenOf = async (client: typeof viaA, username: string) =>
      ((await login(client, username)).body as { accessToken: string }).accessToken;

    beforeAll(async () => {
      requireBuiltApi();
      database = await createScratchDatabase(serverUrl as string);
      const jwtSecret = randomBytes(32).toString('hex');
      const env = { WEBHOOK_SECRET, TRUST_PROXY: 'loopback' };
      a = await startApiProcess({ databaseUrl: database.url, jwtSecret, env });
      b = await startApiProcess({ databaseUrl: database.url, jwtSecret, env });
    });
    afterAll(async () => {
      await Promise.all([a?.stop(), b?.stop()]);
      await database?.drop();
    });

    it('revokes on both processes at once: deactivation, sign-out everywhere and a removed role', async () => {
      const admin = await tokenOf(viaB, 'admin');
      const users = (await viaB.call('GET', '/api/users', admin)).body as { id: string; username: string }[];
      const idOf = (username: string) => users.find((user) => user.username === username)?.id as string;
      const engineer = await tokenOf(viaA, 'engineer1');
      expect((await viaB.call('GET', '/api/auth/me', engineer)).status).toBe(200);
      expect((await viaB.call('POST', `/api/users/${idOf('engineer1')}/deactivate`, admin)).status).toBe(200);
      for (const client of [viaA, viaB]) {
        expect((await client.call('GET', '/api/auth/me', engineer)).status).toBe(401);
        expect(
          (
            await client.call('POST', '/api/tickets', engineer, {
              workflowKey: 'refund-approval',
              title: 'x',
              fields: { refundAmount: 1 },
            })
          ).status,
        ).toBe(401);
      }
      expect((await viaA.call('POST', `/api/users/${idOf('engineer1')}/activate`, admin)).status).toBe(200);

      const agent = await tokenOf(viaB, 'agent');
      expect((await viaA.call('POST', `/api/users/${idOf('agent')}/sign-out`, admin)).status).toBe(204);
      expect((await viaB.call('GET', '/api/auth/me', agent)).status).toBe(401);

      const owner = await tokenOf(viaA, 'owner');
      const definition = singleApprovalDefinition('two-process-approval');
      expect(
        (await viaA.call('PUT', `/api/workflows/${definition.key}/draft`, owner, { definition })).status,
      ).toBe(200);
      expect((await viaA.call('POST', `/api/workflows/${definition.key}/publish`, admin, {})).status).toBe(
        201,
      );
      const requester = await tokenOf(viaA, 'requester');
      const ticket = (
        await viaA.call('POST', '/api/tickets', requester, {
          workflowKey: definition.key,
          title: 'Refund',
          fields: { amount: 5 },
        })
      ).body as { id: string };
      const finance = await tokenOf(viaA, 'finance2');
      const task = (
        (await viaA.call('GET', '/api/tasks?kind=approval', finance)).body as {
          id: string;
          ticketId: string;
        }[]
      ).find((row) => row.ticketId === ticket.id);
      expect(
        (await viaB.call('PUT', `/api/users/${idOf('finance2')}/roles`, admin, { roles: [] })).status,
      ).toBe(200);
      const approve = await viaA.call('POST', `/api/tasks/${task?.id}/approve`, finance, {});
      expect([403, 404]).toContain(approve.status);
      expect(
        (await viaB.call('PUT', `/api/users/${idOf('finance2')}/roles`, admin, { roles: ['finance'] }))
          .status,
      ).toBe(200);
    });

    it('counts sign-in failures once for both processes and across a restart, without locking the owner out', async () => {
      const guesser = '203.0.113.50';
      for (let attempt = 1; attempt <= 6; attempt += 1) {
        const client = attempt % 2 === 0 ? viaA : viaB;
        expect((await login(client, 'cab3', guesser, `guess-${attempt}`)).status, `attempt ${attempt}`).toBe(
          401,
        );
      }
      // Six failures spread over two processes: the next try on either one has to wait.
      const waiting = await login(viaA, 'cab3', guesser, 'guess-7');
      expect(waiting.status).toBe(429);
      expect(Number(waiting.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await login(viaB, 'cab3', '198.51.100.20')).status).toBe(200);
      await a.kill();
      await a.restart();
      await sleep(1100);
      // The count survived the restart: the seventh failure waits two seconds, not zero.
      expect((await login(viaA, 'cab3', guesser, 'guess-8')).status).toBe(401);
      const longer = await login(viaA, 'cab3', guesser, 'guess-9');
      expect(longer.status).toBe(429);
      expect(Number(longer.headers.get('retry-after'))).toBeGreaterThanOrEqual(2);
    });

    it('accepts a signed delivery once: the same webhook id replayed through the other process is refused', async () => {
      const owner = await tokenOf(viaA, 'owner');
      const admin = await tokenOf(viaA, 'admin');
      expect(
        (await viaA.call('PUT', `/api/workflows/${waitFlow.key}/draft`, owner, { definition: waitFlow }))
          .status,
      ).toBe(200);
      expect((await viaA.call('POST', `/api/workflows/${waitFlow.key}/publish`, admin, {})).status).toBe(201);
      const requester = await tokenOf(viaB, 'requester');
      const ticket = (
        await viaB.call('POST', '/api/tickets', requester, {
          workflowKey: waitFlow.key,
          title: 'Order',
          fields: {},
        })
      ).body as { id: string };
      const body = JSON.stringify({ ticketId: ticket.id, message: 'paid', fields: { paidAmount: 10 } });
      const headers = {
        'content-type': 'application/json',
        ...signWebhook(WEBHOOK_SECRET, `msg_${randomUUID()}`, body),
      };
      const send = (process: ApiProcess) =>
        fetch(`${process.baseUrl}/api/tickets/${ticket.id}/events/paid`, { method: 'POST', headers, body });
      const [first, second] = await Promise.all([send(a), send(b)]);
      const statuses = [first.status, second.status].sort();
      expect(statuses).toEqual([200, 409]);
      const refused = (await (first.status === 409 ? first : second).json()) as { code: string };
      expect(['webhook-replayed', 'ticket-not-active', 'message-not-awaited']).toContain(refused.code);
      expect((await send(b)).status).toBe(409);
      const replayed = (await (await send(a)).json()) as { code: string };
      expect(replayed.code).toBe('webhook-replayed');
    });
  },
);
