import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './server.js';

/**
 * The sample receipt (a one-page PDF, shared with the API's tests) that the refund template's
 * agent review requires on the ticket (`form.attachments.required`).
 */
export const RECEIPT_FILE = join(repoRoot, 'apps/api/test/fixtures/receipt.pdf');

/**
 * REST helpers for the inbox browser tests: set up data through the public API
 * (as the CLI or another system would) so the browser steps stay about the UI.
 * Each call performs HTTP requests against the running server.
 */
export function apiClient(baseUrl: string) {
  const tokens = new Map<string, string>();

  async function token(username: string): Promise<string> {
    const cached = tokens.get(username);
    if (cached) return cached;
    const response = await fetch(`${baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username, password: 'demo' }),
    });
    if (!response.ok) throw new Error(`login ${username}: ${response.status}`);
    const body = (await response.json()) as { accessToken: string };
    tokens.set(username, body.accessToken);
    return body.accessToken;
  }

  async function call<T>(
    username: string,
    method: string,
    path: string,
    body?: unknown,
    expected = [200, 201],
  ): Promise<T> {
    const response = await fetch(`${baseUrl}/api${path}`, {
      method,
      headers: { Authorization: `Bearer ${await token(username)}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!expected.includes(response.status))
      throw new Error(`${method} ${path} as ${username}: ${response.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  return {
    call,
    /** Saves the definition as a draft (owner) and publishes it (admin). */
    async publish(definition: { key: string }): Promise<void> {
      await call('owner', 'PUT', `/workflows/${definition.key}/draft`, { definition });
      await call('admin', 'POST', `/workflows/${definition.key}/publish`, {});
    },
    createTicket: (
      username: string,
      body: { workflowKey: string; title: string; fields: Record<string, unknown>; priority?: string },
    ) => call<{ id: string; status: string; activeNodes: string[] }>(username, 'POST', '/tickets', body),
    ticket: (username: string, id: string) =>
      call<{ id: string; status: string; outcome?: string; activeNodes: string[] }>(
        username,
        'GET',
        `/tickets/${id}`,
      ),
    inbox: (username: string) =>
      call<{ id: string; ticketId: string; nodeId: string }[]>(username, 'GET', '/tasks'),
    /** Uploads the sample receipt to a ticket as `username` (multipart, as the web's file picker does). */
    async attachReceipt(ticketId: string, username = 'requester'): Promise<void> {
      const form = new FormData();
      form.append('file', new Blob([readFileSync(RECEIPT_FILE)], { type: 'application/pdf' }), 'receipt.pdf');
      const response = await fetch(`${baseUrl}/api/tickets/${ticketId}/attachments`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${await token(username)}` },
        body: form,
      });
      if (response.status !== 201)
        throw new Error(`attach receipt to ${ticketId}: ${response.status} ${await response.text()}`);
    },
    /** Completes the refund's agent review as `agent` (its receipt must be on the ticket already). */
    async completeReview(ticketId: string): Promise<void> {
      const task = (
        await call<{ id: string; ticketId: string; nodeId: string }[]>('agent', 'GET', '/tasks')
      ).find((t) => t.ticketId === ticketId && t.nodeId === 'review');
      if (!task) throw new Error(`no review task for ${ticketId}`);
      await call('agent', 'POST', `/tasks/${task.id}/complete`, {});
    },
  };
}

/** A refund approval where every finance approver must approve (policy `all`). */
export const ALL_POLICY_WORKFLOW = {
  schemaVersion: 1,
  key: 'refund-all-finance',
  name: 'Refund (all finance)',
  fields: [{ name: 'refundAmount', type: 'number', label: 'Refund amount', required: true }],
  nodes: [
    { id: 'start', type: 'start', position: { x: 0, y: 80 } },
    {
      id: 'finance',
      type: 'approval',
      name: 'All finance approve',
      approvers: { role: 'finance' },
      policy: { type: 'all' },
      position: { x: 220, y: 80 },
    },
    { id: 'done', type: 'end', outcome: 'resolved', position: { x: 480, y: 0 } },
    { id: 'rejected', type: 'end', outcome: 'rejected', position: { x: 480, y: 160 } },
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'finance' },
    { id: 'e2', source: 'finance', target: 'done', on: 'approved' },
    { id: 'e3', source: 'finance', target: 'rejected', on: 'rejected' },
  ],
};
