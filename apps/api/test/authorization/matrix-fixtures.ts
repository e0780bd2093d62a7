import type { TestApp } from '../test-app.js';
import { ticketClient } from '../ticket-helpers.js';

/**
 * A refund ticket of `requester`'s waiting at agent review, its receipt attached (own object for
 * requester, foreign for others but the agent).
 */
export async function reviewTicket(t: TestApp) {
  return ticketClient(t).createRefund({ title: 'Matrix', fields: { refundAmount: 6200 } });
}

let mailChannels = 0;
/** A fresh inbound e-mail channel's body (a new address each time). */
export function mailChannelBody() {
  mailChannels += 1;
  return { address: `matrix-${mailChannels}@acme.test`, workflowKey: 'refund-approval' };
}

/** An inbound e-mail channel created by the admin; returns its id. */
export async function matrixMailChannel(t: TestApp): Promise<string> {
  const response = await t.http
    .post('/api/mail/channels')
    .set('Authorization', `Bearer ${await t.login('admin')}`)
    .send(mailChannelBody());
  if (response.status !== 201)
    throw new Error(`mail channel: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.id as string;
}

/** The same ticket moved on to finance approval. */
export async function financeTask(t: TestApp) {
  const client = ticketClient(t);
  const ticket = await reviewTicket(t);
  const review = await client.taskFor('agent', ticket.id, 'review');
  await client.act('agent', review.id, 'complete');
  return client.taskFor('finance1', ticket.id, 'finance');
}

export async function reviewTask(t: TestApp) {
  const ticket = await reviewTicket(t);
  return ticketClient(t).taskFor('agent', ticket.id, 'review');
}

export async function userId(t: TestApp, username: string): Promise<string> {
  const [row] = (await t.db.dataSource.query('SELECT id FROM users WHERE username = $1', [username])) as {
    id: string;
  }[];
  return (row as { id: string }).id;
}

let draftCounter = 0;
let loginCounter = 0;

/** A new unknown username each call, so the sign-in throttle stays out of the way. */
export const nextUnknownUser = () => `nobody-${(loginCounter += 1)}`;

/** A new draft key each call. */
export const nextDraftKey = (prefix: string) => `${prefix}-${(draftCounter += 1)}`;
export const simpleDefinition = (key: string) => ({
  schemaVersion: 1,
  key,
  name: `Matrix ${key}`,
  fields: [],
  nodes: [
    { id: 'start', type: 'start' },
    { id: 'end', type: 'end', outcome: 'resolved' },
  ],
  edges: [{ id: 'e1', source: 'start', target: 'end' }],
});

/** A workflow with a saved draft that differs from its latest version (so publishing it succeeds). */
export async function freshDraft(t: TestApp): Promise<string> {
  const key = nextDraftKey('matrix');
  await t.http
    .put(`/api/workflows/${key}/draft`)
    .set({ Authorization: `Bearer ${await t.login('owner')}` })
    .send({ definition: simpleDefinition(key) });
  return key;
}

export async function publishedWorkflow(t: TestApp): Promise<string> {
  const key = await freshDraft(t);
  await t.http
    .post(`/api/workflows/${key}/publish`)
    .set({ Authorization: `Bearer ${await t.login('admin')}` })
    .send({});
  return key;
}

/** A disabled rule (so it changes no other test), created by the admin. */
export async function matrixRule(t: TestApp): Promise<string> {
  const response = await t.http
    .post('/api/rules')
    .set({ Authorization: `Bearer ${await t.login('admin')}` })
    .send({
      name: 'Matrix rule',
      trigger: 'ticket.created',
      actions: [{ type: 'add-tag', tag: 'matrix' }],
      enabled: false,
    });
  return response.body.id as string;
}
export const ruleBody = {
  name: 'Matrix rule',
  trigger: 'ticket.created',
  actions: [{ type: 'add-tag', tag: 'matrix' }],
  enabled: false,
};
