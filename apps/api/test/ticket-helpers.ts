import type { TestApp } from './test-app.js';
import { attachReceipt } from './attachment-helpers.js';

export interface TaskSummary {
  id: string;
  ticketId: string;
  nodeId: string;
  kind: 'task' | 'approval';
  status: string;
}

/** Small HTTP helpers the integration tests share; each asserts its own status. */
export function ticketClient(t: TestApp) {
  const auth = async (username: string) => ({ Authorization: `Bearer ${await t.login(username)}` });
  return {
    auth,
    async createTicket(username: string, body: Record<string, unknown>) {
      const response = await t.http
        .post('/api/tickets')
        .set(await auth(username))
        .send(body);
      if (response.status !== 201)
        throw new Error(`create ticket: ${response.status} ${JSON.stringify(response.body)}`);
      return response.body as { id: string; status: string; activeNodes: string[]; outcome?: string };
    },
    /**
     * Opens a refund (`refund-approval`) as the requester with the receipt its agent review
     * requires already attached; `fields` default to an amount of 300.
     */
    async createRefund(
      body: { title?: string; fields?: Record<string, unknown> } = {},
      username = 'requester',
    ) {
      const ticket = await this.createTicket(username, {
        workflowKey: 'refund-approval',
        title: body.title ?? 'Refund',
        fields: body.fields ?? { refundAmount: 300 },
      });
      await attachReceipt(t, ticket.id, username);
      return ticket;
    },
    /** Attaches the sample receipt (`test/fixtures/receipt.pdf`) to a ticket as `username`. */
    attachReceipt: (ticketId: string, username = 'requester') => attachReceipt(t, ticketId, username),
    async inbox(username: string): Promise<TaskSummary[]> {
      const response = await t.http
        .get('/api/tasks')
        .set(await auth(username))
        .expect(200);
      return response.body as TaskSummary[];
    },
    async taskFor(username: string, ticketId: string, nodeId: string): Promise<TaskSummary> {
      const task = (await this.inbox(username)).find(
        (entry) => entry.ticketId === ticketId && entry.nodeId === nodeId,
      );
      if (!task) throw new Error(`${username} has no task at ${nodeId} for ticket ${ticketId}`);
      return task;
    },
    async ticket(username: string, id: string) {
      const response = await t.http
        .get(`/api/tickets/${id}`)
        .set(await auth(username))
        .expect(200);
      return response.body as {
        id: string;
        status: string;
        activeNodes: string[];
        outcome?: string;
        fields: Record<string, unknown>;
      };
    },
    async transitions(username: string, id: string) {
      const response = await t.http
        .get(`/api/tickets/${id}/transitions`)
        .set(await auth(username))
        .expect(200);
      return response.body as {
        seq: number;
        event: string;
        from: string | null;
        to: string | null;
        actor?: string;
        at: string;
        detail?: { kind: string; text?: string };
      }[];
    },
    async act(
      username: string,
      taskId: string,
      action: 'approve' | 'reject' | 'complete' | 'claim' | 'release',
      body: Record<string, unknown> = {},
      headers: Record<string, string> = {},
    ) {
      return t.http
        .post(`/api/tasks/${taskId}/${action}`)
        .set({ ...(await auth(username)), ...headers })
        .send(body);
    },
    /** Saves `definition` as a draft (as owner) and publishes it (as admin). */
    async publish(definition: Record<string, unknown>) {
      const key = String(definition.key);
      await t.http
        .put(`/api/workflows/${key}/draft`)
        .set(await auth('owner'))
        .send({ definition })
        .expect(200);
      const response = await t.http
        .post(`/api/workflows/${key}/publish`)
        .set(await auth('admin'))
        .send({});
      if (response.status !== 201)
        throw new Error(`publish ${key}: ${response.status} ${JSON.stringify(response.body)}`);
      return response.body as { key: string; version: number };
    },
    /** Publishes `definition` and opens a ticket on it as the requester: the usual start of an engine test. */
    async publishAndCreate(
      definition: Record<string, unknown>,
      ticket: { title: string; fields?: Record<string, unknown> },
    ) {
      await this.publish(definition);
      return this.createTicket('requester', {
        workflowKey: String(definition.key),
        title: ticket.title,
        fields: ticket.fields ?? {},
      });
    },
  };
}
