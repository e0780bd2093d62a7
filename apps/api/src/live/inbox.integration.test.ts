import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { ticketClient } from '../../test/ticket-helpers.js';
import { InboxStream } from './inbox-stream.service.js';

/** An open event stream read as text, as the web client reads it (fetch + Authorization header). */
interface OpenStream {
  text(): string;
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<void>;
  close(): void;
}

describe('the inbox and its live stream', () => {
  let t: TestApp;
  let baseUrl: string;
  const client = () => ticketClient(t);
  /** A refund with its receipt attached, so the agent's review may be completed. */
  const refund = (title: string, refundAmount = 6200) =>
    client().createRefund({ title, fields: { refundAmount } });

  beforeAll(async () => {
    t = await startTestApp();
    const server = t.app.getHttpServer();
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  // Streams left open here must not keep the app from closing.
  afterAll(async () => t?.close());

  async function openStream(username: string, query = ''): Promise<OpenStream> {
    const abort = new AbortController();
    const response = await fetch(`${baseUrl}/api/live/inbox${query}`, {
      headers: { Authorization: `Bearer ${await t.login(username)}` },
      signal: abort.signal,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    let text = '';
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    void (async () => {
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return;
          text += decoder.decode(value, { stream: true });
        }
      } catch {
        // aborted
      }
    })();
    return {
      text: () => text,
      async waitFor(pattern, timeoutMs = 5000) {
        const deadline = Date.now() + timeoutMs;
        while (!pattern.test(text)) {
          if (Date.now() > deadline)
            throw new Error(`stream of ${username} never matched ${pattern}: ${JSON.stringify(text)}`);
          await new Promise((done) => setTimeout(done, 20));
        }
      },
      close: () => abort.abort(),
    };
  }

  describe('GET /api/tasks', () => {
    it('lists only open tasks for me or my roles', async () => {
      const ticket = await refund('Inbox scope');
      const agentTasks = await client().inbox('agent');
      expect(agentTasks.some((task) => task.ticketId === ticket.id && task.nodeId === 'review')).toBe(true);
      for (const other of ['finance1', 'manager', 'requester', 'owner']) {
        expect((await client().inbox(other)).some((task) => task.ticketId === ticket.id)).toBe(false);
      }

      await client()
        .act('agent', (await client().taskFor('agent', ticket.id, 'review')).id, 'complete')
        .then((r) => expect(r.status).toBe(200));
      expect((await client().inbox('agent')).some((task) => task.ticketId === ticket.id)).toBe(false);
      for (const approver of ['finance1', 'finance2']) {
        const tasks = (await client().inbox(approver)).filter((task) => task.ticketId === ticket.id);
        expect(tasks.map((task) => [task.nodeId, task.kind, task.status])).toEqual([
          ['finance', 'approval', 'open'],
        ]);
      }
      expect((await client().inbox('manager')).some((task) => task.ticketId === ticket.id)).toBe(false);
    });

    it("drops a decided approval from the other approvers' inboxes", async () => {
      const ticket = await refund('Decided by one');
      await client().act('agent', (await client().taskFor('agent', ticket.id, 'review')).id, 'complete');
      const task = await client().taskFor('finance1', ticket.id, 'finance');
      expect((await client().act('finance1', task.id, 'approve', { comment: 'ok' })).status).toBe(200);
      expect((await client().inbox('finance2')).some((entry) => entry.ticketId === ticket.id)).toBe(false);
    });

    it('filters by kind and workflow', async () => {
      const ticket = await refund('Filtered');
      const auth = await client().auth('agent');
      const tasks = (
        await t.http.get('/api/tasks?kind=task&workflowKey=refund-approval').set(auth).expect(200)
      ).body as { ticketId: string }[];
      expect(tasks.some((task) => task.ticketId === ticket.id)).toBe(true);
      const approvals = (await t.http.get('/api/tasks?kind=approval').set(auth).expect(200)).body as {
        ticketId: string;
      }[];
      expect(approvals.some((task) => task.ticketId === ticket.id)).toBe(false);
      const other = (await t.http.get('/api/tasks?workflowKey=it-incident').set(auth).expect(200)).body as {
        ticketId: string;
      }[];
      expect(other.some((task) => task.ticketId === ticket.id)).toBe(false);
    });

    it("shows a delegator's tasks to the person they delegated to", async () => {
      const ticket = await refund('Delegated inbox');
      const admin = await client().auth('admin');
      const [row] = (await t.db.dataSource.query(`SELECT id FROM users WHERE username = 'engineer2'`)) as {
        id: string;
      }[];
      // A delegation goes only to someone holding the delegator's roles (issue 17).
      expect(
        (
          await t.http
            .post('/api/delegations')
            .set(await client().auth('agent'))
            .send({ toUser: 'engineer2' })
        ).status,
      ).toBe(422);
      await t.http
        .put(`/api/users/${row?.id}/roles`)
        .set(admin)
        .send({ roles: ['agent', 'engineer'] })
        .expect(200);
      try {
        // Claimed by agent, the review leaves the other agent's inbox; the delegation brings it back.
        expect(
          (await client().act('agent', (await client().taskFor('agent', ticket.id, 'review')).id, 'claim'))
            .status,
        ).toBe(200);
        expect((await client().inbox('engineer2')).some((task) => task.ticketId === ticket.id)).toBe(false);
        const delegation = await t.http
          .post('/api/delegations')
          .set(await client().auth('agent'))
          .send({ toUser: 'engineer2' })
          .expect(201);
        const delegated = (await client().inbox('engineer2')).filter((task) => task.ticketId === ticket.id);
        expect(delegated.map((task) => task.nodeId)).toEqual(['review']);
        await t.http
          .delete(`/api/delegations/${delegation.body.id}`)
          .set(await client().auth('agent'))
          .expect(204);
        expect((await client().inbox('engineer2')).some((task) => task.ticketId === ticket.id)).toBe(false);
      } finally {
        await t.http
          .put(`/api/users/${row?.id}/roles`)
          .set(admin)
          .send({ roles: ['engineer'] })
          .expect(200);
      }
    });
  });

  describe('GET /api/users/colleagues', () => {
    it('answers names only, filtered by role', async () => {
      const response = await t.http
        .get('/api/users/colleagues?role=finance')
        .set(await client().auth('agent'))
        .expect(200);
      expect(response.body).toEqual([
        { username: 'finance1', displayName: 'Fei Finance' },
        { username: 'finance2', displayName: 'Fred Finance' },
      ]);
      await t.http
        .get('/api/users/colleagues?role=not%20a%20role')
        .set(await client().auth('agent'))
        .expect(400);
    });
  });

  describe('GET /api/live/inbox', () => {
    it('refuses a caller without a token', async () => {
      const response = await fetch(`${baseUrl}/api/live/inbox`);
      expect(response.status).toBe(401);
    });

    it('says ready at once and closes after maxSeconds=0', async () => {
      const response = await t.http
        .get('/api/live/inbox?maxSeconds=0')
        .set(await client().auth('agent'))
        .expect(200);
      expect(response.text).toContain('event: ready');
    });

    it('signals an approver when a task for their role appears, and nobody else', async () => {
      const finance = await openStream('finance1');
      const manager = await openStream('manager');
      await finance.waitFor(/event: ready/);
      await manager.waitFor(/event: ready/);
      const title = 'Secret title 4711';
      const ticket = await refund(title);
      await client().act('agent', (await client().taskFor('agent', ticket.id, 'review')).id, 'complete');
      await finance.waitFor(/event: inbox/);
      // Only "something changed": no ticket, task or field travels through the stream.
      const events = finance
        .text()
        .split('\n\n')
        .filter((block) => block.includes('event: inbox'));
      for (const block of events) expect(block).toBe('event: inbox\ndata: {"changed":true}');
      expect(finance.text()).not.toContain(ticket.id);
      expect(finance.text()).not.toContain(title);
      // The manager's role has no part in a refund above 5,000.
      await new Promise((done) => setTimeout(done, 300));
      expect(manager.text()).not.toContain('event: inbox');
      finance.close();
      manager.close();
    });

    it('signals the other approvers when one decides, and the agent when a task is claimed', async () => {
      const ticket = await refund('Removed live');
      const agent = await openStream('agent');
      await agent.waitFor(/event: ready/);
      const review = await client().taskFor('agent', ticket.id, 'review');
      expect((await client().act('agent', review.id, 'claim')).status).toBe(200);
      await agent.waitFor(/event: inbox/);
      agent.close();

      await client().act('agent', review.id, 'complete');
      const finance2 = await openStream('finance2');
      await finance2.waitFor(/event: ready/);
      const approval = await client().taskFor('finance1', ticket.id, 'finance');
      await client().act('finance1', approval.id, 'approve', { comment: 'fine' });
      await finance2.waitFor(/event: inbox/);
      finance2.close();
    });

    it('forgets a stream when its client goes away', async () => {
      const stream = t.app.get(InboxStream);
      // Streams closed by earlier tests are forgotten too.
      await expect.poll(() => stream.openStreams).toBe(0);
      const open = await openStream('agent');
      await open.waitFor(/event: ready/);
      expect(stream.openStreams).toBe(1);
      open.close();
      await expect.poll(() => stream.openStreams).toBe(0);
    });

    it('is ended by the server on shutdown (left open on purpose)', async () => {
      const open = await openStream('finance1');
      await open.waitFor(/event: ready/);
      expect(t.app.get(InboxStream).openStreams).toBeGreaterThan(0);
    });
  });
});
