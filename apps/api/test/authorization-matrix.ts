import { AttachmentsService } from '../src/attachments/attachments.service.js';
import type { TestApp } from './test-app.js';
import { ticketClient } from './ticket-helpers.js';
import {
  calendarBody,
  openIncident,
  requesterNotification,
  slaPolicy,
  waitingTicket,
} from './worker-fixtures.js';
import { resolvedTicket, surveyToken } from './satisfaction-fixtures.js';

export const ACTORS = ['anonymous', 'requester', 'agent', 'finance1', 'manager', 'owner', 'admin'] as const;
export type ActorName = (typeof ACTORS)[number];

export interface Call {
  path: string;
  body?: unknown;
}

/** One route: how to build a fresh object for each attempt, and the status each actor must get. */
export interface RouteExpectation {
  route: string;
  setup: (t: TestApp) => Promise<Call>;
  expect: Record<ActorName, number>;
}

const all = (
  status: number,
  overrides: Partial<Record<ActorName, number>> = {},
): Record<ActorName, number> => ({
  anonymous: 401,
  requester: status,
  agent: status,
  finance1: status,
  manager: status,
  owner: status,
  admin: status,
  ...overrides,
});

/**
 * A refund ticket of `requester`'s waiting at agent review, its receipt attached (own object for
 * requester, foreign for others but the agent).
 */
async function reviewTicket(t: TestApp) {
  return ticketClient(t).createRefund({ title: 'Matrix', fields: { refundAmount: 6200 } });
}

let mailChannels = 0;
/** A fresh inbound e-mail channel's body (a new address each time). */
function mailChannelBody() {
  mailChannels += 1;
  return { address: `matrix-${mailChannels}@acme.test`, workflowKey: 'refund-approval' };
}

/** An inbound e-mail channel created by the admin; returns its id. */
async function matrixMailChannel(t: TestApp): Promise<string> {
  const response = await t.http
    .post('/api/mail/channels')
    .set('Authorization', `Bearer ${await t.login('admin')}`)
    .send(mailChannelBody());
  if (response.status !== 201)
    throw new Error(`mail channel: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.id as string;
}

/** The same ticket moved on to finance approval. */
async function financeTask(t: TestApp) {
  const client = ticketClient(t);
  const ticket = await reviewTicket(t);
  const review = await client.taskFor('agent', ticket.id, 'review');
  await client.act('agent', review.id, 'complete');
  return client.taskFor('finance1', ticket.id, 'finance');
}

async function reviewTask(t: TestApp) {
  const ticket = await reviewTicket(t);
  return ticketClient(t).taskFor('agent', ticket.id, 'review');
}

async function userId(t: TestApp, username: string): Promise<string> {
  const [row] = (await t.db.dataSource.query('SELECT id FROM users WHERE username = $1', [username])) as {
    id: string;
  }[];
  return (row as { id: string }).id;
}

let draftCounter = 0;
let loginCounter = 0;
const simpleDefinition = (key: string) => ({
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
async function freshDraft(t: TestApp): Promise<string> {
  const key = `matrix-${(draftCounter += 1)}`;
  await t.http
    .put(`/api/workflows/${key}/draft`)
    .set({ Authorization: `Bearer ${await t.login('owner')}` })
    .send({ definition: simpleDefinition(key) });
  return key;
}

async function publishedWorkflow(t: TestApp): Promise<string> {
  const key = await freshDraft(t);
  await t.http
    .post(`/api/workflows/${key}/publish`)
    .set({ Authorization: `Bearer ${await t.login('admin')}` })
    .send({});
  return key;
}

/** A disabled rule (so it changes no other test), created by the admin. */
async function matrixRule(t: TestApp): Promise<string> {
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
const ruleBody = {
  name: 'Matrix rule',
  trigger: 'ticket.created',
  actions: [{ type: 'add-tag', tag: 'matrix' }],
  enabled: false,
};

/** Every route of the API and what each actor gets. A route missing here fails the suite. */
export const MATRIX: RouteExpectation[] = [
  {
    route: 'GET /api/health',
    setup: async () => ({ path: '/api/health' }),
    expect: all(200, { anonymous: 200 }),
  },
  {
    route: 'GET /api/health/ready',
    setup: async () => ({ path: '/api/health/ready' }),
    expect: all(200, { anonymous: 200 }),
  },
  {
    route: 'GET /metrics',
    setup: async () => ({ path: '/metrics' }),
    expect: all(403, { anonymous: 401, admin: 200 }),
  },
  // A new unknown username each time, so the sign-in throttle (5 free failures per account and address) stays out of the way.
  {
    route: 'POST /api/auth/login',
    setup: async () => ({
      path: '/api/auth/login',
      body: { username: `nobody-${(loginCounter += 1)}`, password: 'wrong' },
    }),
    expect: all(401, { anonymous: 401 }),
  },
  { route: 'GET /api/auth/me', setup: async () => ({ path: '/api/auth/me' }), expect: all(200) },
  {
    route: 'GET /api/directory',
    setup: async () => ({ path: '/api/directory' }),
    expect: all(403, { owner: 200, admin: 200 }),
  },
  {
    route: 'GET /api/templates',
    setup: async () => ({ path: '/api/templates' }),
    expect: all(403, { owner: 200, admin: 200 }),
  },
  { route: 'GET /api/workflows', setup: async () => ({ path: '/api/workflows' }), expect: all(200) },
  {
    route: 'GET /api/workflows/{key}/draft',
    setup: async () => ({ path: '/api/workflows/refund-approval/draft' }),
    expect: all(403, { owner: 200, admin: 200 }),
  },
  {
    route: 'PUT /api/workflows/{key}/draft',
    setup: async () => {
      const key = `matrix-put-${(draftCounter += 1)}`;
      return { path: `/api/workflows/${key}/draft`, body: { definition: simpleDefinition(key) } };
    },
    expect: all(403, { owner: 200, admin: 200 }),
  },
  {
    route: 'POST /api/workflows/{key}/publish',
    setup: async (t) => ({ path: `/api/workflows/${await freshDraft(t)}/publish`, body: {} }),
    expect: all(403, { admin: 201 }),
  },
  {
    route: 'GET /api/workflows/{key}/versions',
    setup: async () => ({ path: '/api/workflows/refund-approval/versions' }),
    expect: all(200),
  },
  {
    route: 'GET /api/workflows/{key}/versions/{version}',
    setup: async () => ({ path: '/api/workflows/refund-approval/versions/1' }),
    expect: all(200),
  },
  {
    route: 'POST /api/workflows/{key}/versions/{version}/deprecate',
    setup: async (t) => ({ path: `/api/workflows/${await publishedWorkflow(t)}/versions/1/deprecate` }),
    expect: all(403, { admin: 200 }),
  },
  {
    route: 'POST /api/definitions/validate',
    setup: async () => ({ path: '/api/definitions/validate', body: { definition: simpleDefinition('v') } }),
    expect: all(403, { owner: 200, admin: 200 }),
  },
  {
    route: 'POST /api/tickets',
    setup: async () => ({
      path: '/api/tickets',
      body: { workflowKey: 'refund-approval', title: 'Matrix', fields: { refundAmount: 10 } },
    }),
    expect: all(201),
  },
  { route: 'GET /api/tickets', setup: async () => ({ path: '/api/tickets' }), expect: all(200) },
  {
    route: 'GET /api/tickets/{id}',
    setup: async (t) => ({ path: `/api/tickets/${(await reviewTicket(t)).id}` }),
    expect: all(404, { requester: 200, agent: 200, admin: 200 }),
  },
  {
    route: 'GET /api/tickets/{id}/transitions',
    setup: async (t) => ({ path: `/api/tickets/${(await reviewTicket(t)).id}/transitions` }),
    expect: all(404, { requester: 200, agent: 200, admin: 200 }),
  },
  {
    route: 'GET /api/tickets/{id}/comments',
    setup: async (t) => ({ path: `/api/tickets/${(await reviewTicket(t)).id}/comments` }),
    expect: all(404, { requester: 200, agent: 200, admin: 200 }),
  },
  {
    route: 'POST /api/tickets/{id}/comments',
    setup: async (t) => ({
      path: `/api/tickets/${(await reviewTicket(t)).id}/comments`,
      body: { text: 'Any news?' },
    }),
    expect: all(404, { requester: 201, agent: 201, admin: 201 }),
  },
  // Issue 21: files follow the ticket's authorization; an upload is refused before its body is read.
  {
    route: 'POST /api/tickets/{id}/attachments',
    setup: async (t) => ({
      path: `/api/tickets/${(await reviewTicket(t)).id}/attachments`,
      body: { file: 'not multipart' },
    }),
    expect: all(404, { requester: 400, agent: 400, admin: 400 }),
  },
  {
    route: 'GET /api/tickets/{id}/attachments',
    setup: async (t) => ({ path: `/api/tickets/${(await reviewTicket(t)).id}/attachments` }),
    expect: all(404, { requester: 200, agent: 200, admin: 200 }),
  },
  {
    route: 'GET /api/attachments/{id}/content',
    setup: async (t) => {
      const ticket = await reviewTicket(t);
      const file = await t.app.get(AttachmentsService).store(ticket.id, {
        name: 'receipt.txt',
        bytes: Buffer.from('receipt'),
        visibility: 'public',
        actor: null,
      });
      return { path: `/api/attachments/${file.id}/content` };
    },
    expect: all(404, { requester: 200, agent: 200, admin: 200 }),
  },
  {
    route: 'POST /api/tickets/{id}/cancel',
    setup: async (t) => ({
      path: `/api/tickets/${(await reviewTicket(t)).id}/cancel`,
      body: { reason: 'matrix' },
    }),
    expect: all(404, { requester: 200, agent: 403, admin: 200 }),
  },
  { route: 'GET /api/tasks', setup: async () => ({ path: '/api/tasks' }), expect: all(200) },
  {
    route: 'GET /api/tasks/{id}',
    setup: async (t) => ({ path: `/api/tasks/${(await reviewTask(t)).id}` }),
    expect: all(404, { agent: 200, admin: 200 }),
  },
  {
    route: 'POST /api/tasks/{id}/approve',
    setup: async (t) => ({ path: `/api/tasks/${(await financeTask(t)).id}/approve`, body: {} }),
    expect: all(403, { finance1: 200 }),
  },
  {
    route: 'POST /api/tasks/{id}/reject',
    setup: async (t) => ({ path: `/api/tasks/${(await financeTask(t)).id}/reject`, body: { comment: 'no' } }),
    expect: all(403, { finance1: 200 }),
  },
  {
    route: 'POST /api/tasks/{id}/complete',
    setup: async (t) => ({ path: `/api/tasks/${(await reviewTask(t)).id}/complete`, body: {} }),
    expect: all(403, { agent: 200 }),
  },
  {
    route: 'POST /api/tasks/{id}/claim',
    setup: async (t) => ({ path: `/api/tasks/${(await reviewTask(t)).id}/claim` }),
    expect: all(403, { agent: 200 }),
  },
  {
    route: 'POST /api/tasks/{id}/release',
    setup: async (t) => {
      const task = await reviewTask(t);
      await ticketClient(t).act('agent', task.id, 'claim');
      return { path: `/api/tasks/${task.id}/release` };
    },
    expect: all(403, { agent: 200 }),
  },
  {
    route: 'POST /api/tasks/{id}/delegate',
    setup: async (t) => ({
      path: `/api/tasks/${(await reviewTask(t)).id}/delegate`,
      body: { toUser: 'agent' },
    }),
    expect: all(403, { agent: 200 }),
  },
  { route: 'GET /api/delegations', setup: async () => ({ path: '/api/delegations' }), expect: all(200) },
  // Issue 17: only to someone who holds the delegator's working roles (finance2 holds finance; requesters hold nothing to hand over).
  {
    route: 'POST /api/delegations',
    setup: async () => ({
      path: '/api/delegations',
      body: { toUser: 'finance2', endsAt: '2099-01-01T00:00:00Z' },
    }),
    expect: all(422, { requester: 201, finance1: 201 }),
  },
  {
    route: 'DELETE /api/delegations/{id}',
    setup: async (t) => {
      const response = await t.http
        .post('/api/delegations')
        .set({ Authorization: `Bearer ${await t.login('finance1')}` })
        .send({ toUser: 'finance2' });
      return { path: `/api/delegations/${response.body.id}` };
    },
    expect: all(404, { finance1: 204, admin: 204 }),
  },
  {
    route: 'GET /api/users/colleagues',
    setup: async () => ({ path: '/api/users/colleagues?role=finance' }),
    expect: all(200),
  },
  // maxSeconds=0: the stream says "ready" and closes, so the status can be read without waiting.
  {
    route: 'GET /api/live/inbox',
    setup: async () => ({ path: '/api/live/inbox?maxSeconds=0' }),
    expect: all(200),
  },
  // Issue 7: diff and impact for designers and admins, migration for admins (a dry run: it changes nothing).
  {
    route: 'GET /api/workflows/{key}/diff',
    setup: async () => ({ path: '/api/workflows/refund-approval/diff?from=1&to=draft' }),
    expect: all(403, { owner: 200, admin: 200 }),
  },
  {
    route: 'POST /api/workflows/{key}/impact',
    setup: async () => ({ path: '/api/workflows/refund-approval/impact', body: { limit: 5 } }),
    expect: all(403, { owner: 200, admin: 200 }),
  },
  {
    route: 'POST /api/workflows/{key}/migrations',
    setup: async () => ({
      path: '/api/workflows/refund-approval/migrations',
      body: { toVersion: 1, dryRun: true },
    }),
    expect: all(403, { admin: 200 }),
  },
  // Issue 21: the request catalogue (everyone reads it; admins arrange it).
  { route: 'GET /api/catalogue', setup: async () => ({ path: '/api/catalogue' }), expect: all(200) },
  {
    route: 'GET /api/catalogue/layout',
    setup: async () => ({ path: '/api/catalogue/layout' }),
    expect: all(403, { admin: 200 }),
  },
  {
    route: 'PUT /api/catalogue/layout',
    setup: async (t) => {
      const current = (
        await t.http.get('/api/catalogue/layout').set({ Authorization: `Bearer ${await t.login('admin')}` })
      ).body as { categories: unknown[]; entries: { workflowName: unknown; published: unknown }[] };
      return {
        path: '/api/catalogue/layout',
        body: {
          categories: current.categories,
          entries: current.entries.map(({ workflowName: _name, published: _published, ...entry }) => entry),
        },
      };
    },
    expect: all(403, { admin: 200 }),
  },
  // Issue 17: user administration (admin) and the secret store (admin); signing out is allowed for yourself.
  { route: 'GET /api/users', setup: async () => ({ path: '/api/users' }), expect: all(403, { admin: 200 }) },
  {
    route: 'PUT /api/users/{id}/roles',
    setup: async (t) => ({
      path: `/api/users/${await userId(t, 'engineer2')}/roles`,
      body: { roles: ['engineer'] },
    }),
    expect: all(403, { admin: 200 }),
  },
  // Issue 23: the organisation directory (admin).
  {
    route: 'GET /api/users/organisation',
    setup: async () => ({ path: '/api/users/organisation' }),
    expect: all(403, { admin: 200 }),
  },
  {
    route: 'PUT /api/users/{id}/organisation',
    setup: async (t) => ({
      path: `/api/users/${await userId(t, 'cab3')}/organisation`,
      body: { manager: 'cab1', groups: ['change-board'] },
    }),
    expect: all(403, { admin: 200 }),
  },
  {
    route: 'POST /api/users/organisation/import',
    setup: async () => ({
      path: '/api/users/organisation/import',
      body: { csv: 'username,regions\ncab2,east\n', dryRun: true },
    }),
    expect: all(403, { admin: 200 }),
  },
  {
    route: 'PUT /api/users/{id}/email',
    setup: async (t) => ({
      path: `/api/users/${await userId(t, 'cab3')}/email`,
      body: { email: 'cab3@example.test' },
    }),
    expect: all(403, { admin: 200 }),
  },
  {
    route: 'POST /api/users/{id}/deactivate',
    setup: async (t) => ({ path: `/api/users/${await userId(t, 'areamgr-west')}/deactivate` }),
    expect: all(403, { admin: 200 }),
  },
  {
    route: 'POST /api/users/{id}/activate',
    setup: async (t) => ({ path: `/api/users/${await userId(t, 'areamgr-west')}/activate` }),
    expect: all(403, { admin: 200 }),
  },
  {
    route: 'POST /api/users/{id}/sign-out',
    setup: async (t) => ({ path: `/api/users/${await userId(t, 'cab2')}/sign-out` }),
    expect: all(404, { anonymous: 401, admin: 204 }),
  },
  {
    route: 'GET /api/secrets',
    setup: async () => ({ path: '/api/secrets' }),
    expect: all(403, { admin: 200 }),
  },
  {
    route: 'PUT /api/secrets/{name}',
    setup: async () => ({ path: '/api/secrets/MATRIX_TOKEN', body: { value: 'matrix-value' } }),
    expect: all(403, { admin: 200 }),
  },
  {
    route: 'DELETE /api/secrets/{name}',
    setup: async (t) => {
      await t.http
        .put('/api/secrets/MATRIX_GONE')
        .set({ Authorization: `Bearer ${await t.login('admin')}` })
        .send({ value: 'x' });
      return { path: '/api/secrets/MATRIX_GONE' };
    },
    expect: all(403, { admin: 204 }),
  },
  // Issue 9: intake webhooks (signed, so every caller without the signature gets 401) and admin-only configuration.
  {
    route: 'POST /api/intake/{channel}',
    setup: async () => ({ path: '/api/intake/other', body: { text: 'matrix' } }),
    expect: all(401),
  },
  {
    route: 'GET /api/intake/channels',
    setup: async () => ({ path: '/api/intake/channels' }),
    expect: all(403, { admin: 200 }),
  },
  {
    route: 'GET /api/intake/channels/{channel}',
    setup: async () => ({ path: '/api/intake/channels/email' }),
    expect: all(403, { admin: 200 }),
  },
  {
    route: 'PUT /api/intake/channels/{channel}',
    setup: async () => ({
      path: '/api/intake/channels/other',
      body: { enabled: false, titleTemplate: 'Matrix', fieldMappings: [] },
    }),
    expect: all(403, { admin: 200 }),
  },
  {
    route: 'GET /api/intake/messages',
    setup: async () => ({ path: '/api/intake/messages' }),
    expect: all(403, { admin: 200 }),
  },
  { route: 'GET /api/rules', setup: async () => ({ path: '/api/rules' }), expect: all(403, { admin: 200 }) },
  {
    route: 'POST /api/rules',
    setup: async () => ({ path: '/api/rules', body: ruleBody }),
    expect: all(403, { admin: 201 }),
  },
  {
    route: 'GET /api/rules/{id}',
    setup: async (t) => ({ path: `/api/rules/${await matrixRule(t)}` }),
    expect: all(403, { admin: 200 }),
  },
  {
    route: 'PUT /api/rules/{id}',
    setup: async (t) => ({ path: `/api/rules/${await matrixRule(t)}`, body: ruleBody }),
    expect: all(403, { admin: 200 }),
  },
  {
    route: 'DELETE /api/rules/{id}',
    setup: async (t) => ({ path: `/api/rules/${await matrixRule(t)}` }),
    expect: all(403, { admin: 204 }),
  },
  // Reports (issue 10): managers and admins read all; process owners (designer) read where time goes and where tickets wait.
  {
    route: 'GET /api/reports/options',
    setup: async () => ({ path: '/api/reports/options' }),
    expect: all(403, { manager: 200, owner: 200, admin: 200 }),
  },
  {
    route: 'GET /api/reports/summary',
    setup: async () => ({ path: '/api/reports/summary' }),
    expect: all(403, { manager: 200, admin: 200 }),
  },
  {
    route: 'GET /api/reports/trend',
    setup: async () => ({ path: '/api/reports/trend' }),
    expect: all(403, { manager: 200, admin: 200 }),
  },
  {
    route: 'GET /api/reports/cycle-time',
    setup: async () => ({ path: '/api/reports/cycle-time' }),
    expect: all(403, { manager: 200, admin: 200 }),
  },
  {
    route: 'GET /api/reports/node-times',
    setup: async () => ({ path: '/api/reports/node-times' }),
    expect: all(403, { manager: 200, owner: 200, admin: 200 }),
  },
  {
    route: 'GET /api/reports/sla',
    setup: async () => ({ path: '/api/reports/sla' }),
    expect: all(403, { manager: 200, admin: 200 }),
  },
  {
    route: 'GET /api/reports/approvals',
    setup: async () => ({ path: '/api/reports/approvals?format=csv' }),
    expect: all(403, { manager: 200, admin: 200 }),
  },
  {
    route: 'GET /api/reports/waiting',
    setup: async () => ({ path: '/api/reports/waiting' }),
    expect: all(403, { manager: 200, owner: 200, admin: 200 }),
  },
  {
    route: 'GET /api/reports/workload',
    setup: async () => ({ path: '/api/reports/workload' }),
    expect: all(403, { manager: 200, admin: 200 }),
  },
  // Issue 21: satisfaction and team performance reports (a manager's team only, checked in team-performance.integration.test.ts).
  {
    route: 'GET /api/reports/satisfaction',
    setup: async () => ({ path: '/api/reports/satisfaction' }),
    expect: all(403, { manager: 200, admin: 200 }),
  },
  {
    route: 'GET /api/reports/team',
    setup: async () => ({ path: '/api/reports/team?format=csv' }),
    expect: all(403, { manager: 200, admin: 200 }),
  },
  // Issue 21: inbound e-mail channels (admins), satisfaction surveys (the requester; a signed link for anyone holding it).
  {
    route: 'GET /api/mail/channels',
    setup: async () => ({ path: '/api/mail/channels' }),
    expect: all(403, { admin: 200 }),
  },
  {
    route: 'POST /api/mail/channels',
    setup: async () => ({ path: '/api/mail/channels', body: mailChannelBody() }),
    expect: all(403, { admin: 201 }),
  },
  {
    route: 'PUT /api/mail/channels/{id}',
    setup: async (t) => ({
      path: `/api/mail/channels/${await matrixMailChannel(t)}`,
      body: mailChannelBody(),
    }),
    expect: all(403, { admin: 200 }),
  },
  {
    route: 'DELETE /api/mail/channels/{id}',
    setup: async (t) => ({ path: `/api/mail/channels/${await matrixMailChannel(t)}` }),
    expect: all(403, { admin: 204 }),
  },
  {
    route: 'GET /api/mail/messages',
    setup: async () => ({ path: '/api/mail/messages' }),
    expect: all(403, { admin: 200 }),
  },
  {
    route: 'GET /api/tickets/{id}/satisfaction',
    setup: async (t) => ({ path: `/api/tickets/${await resolvedTicket(t)}/satisfaction` }),
    expect: all(404, { anonymous: 401, requester: 200 }),
  },
  {
    route: 'POST /api/tickets/{id}/satisfaction',
    setup: async (t) => ({
      path: `/api/tickets/${await resolvedTicket(t)}/satisfaction`,
      body: { rating: 4 },
    }),
    expect: all(404, { anonymous: 401, requester: 200 }),
  },
  {
    route: 'GET /api/satisfaction/survey',
    setup: async (t) => ({
      path: `/api/satisfaction/survey?token=${await surveyToken(t, await resolvedTicket(t))}`,
    }),
    expect: all(200, { anonymous: 200 }),
  },
  {
    route: 'POST /api/satisfaction/answer',
    setup: async (t) => ({
      path: '/api/satisfaction/answer',
      body: { token: await surveyToken(t, await resolvedTicket(t)), rating: 5 },
    }),
    expect: all(200, { anonymous: 200 }),
  },
  // Issue 5: inbound events, incidents, notifications, SLAs and worker settings.
  {
    route: 'POST /api/tickets/{id}/events/{message}',
    setup: async (t) => ({ path: `/api/tickets/${await waitingTicket(t)}/events/arrived`, body: {} }),
    expect: all(404, { requester: 200, admin: 200 }),
  },
  {
    route: 'GET /api/tickets/{id}/sla',
    setup: async (t) => ({ path: `/api/tickets/${(await reviewTicket(t)).id}/sla` }),
    expect: all(404, { requester: 200, agent: 200, admin: 200 }),
  },
  {
    route: 'GET /api/incidents',
    setup: async () => ({ path: '/api/incidents' }),
    expect: all(403, { admin: 200 }),
  },
  {
    route: 'POST /api/incidents/{id}/retry',
    setup: async (t) => ({ path: `/api/incidents/${await openIncident(t)}/retry` }),
    expect: all(403, { admin: 200 }),
  },
  { route: 'GET /api/notifications', setup: async () => ({ path: '/api/notifications' }), expect: all(200) },
  {
    route: 'GET /api/notifications/unread-count',
    setup: async () => ({ path: '/api/notifications/unread-count' }),
    expect: all(200),
  },
  {
    route: 'POST /api/notifications/{id}/read',
    setup: async (t) => ({ path: `/api/notifications/${await requesterNotification(t)}/read` }),
    expect: all(404, { requester: 200 }),
  },
  {
    route: 'GET /api/sla/policies',
    setup: async () => ({ path: '/api/sla/policies' }),
    expect: all(403, { owner: 200, admin: 200 }),
  },
  {
    route: 'PUT /api/sla/policies',
    setup: async () => ({
      path: '/api/sla/policies',
      body: { workflowKey: 'matrix-sla', responseMinutes: 30 },
    }),
    expect: all(403, { admin: 200 }),
  },
  {
    route: 'DELETE /api/sla/policies/{id}',
    setup: async (t) => ({ path: `/api/sla/policies/${await slaPolicy(t)}` }),
    expect: all(403, { admin: 204 }),
  },
  {
    route: 'GET /api/settings/business-calendar',
    setup: async () => ({ path: '/api/settings/business-calendar' }),
    expect: all(200),
  },
  {
    route: 'PUT /api/settings/business-calendar',
    setup: async () => ({ path: '/api/settings/business-calendar', body: calendarBody }),
    expect: all(403, { admin: 200 }),
  },
  {
    route: 'GET /api/settings/organisation',
    setup: async () => ({ path: '/api/settings/organisation' }),
    expect: all(200),
  },
  {
    route: 'PUT /api/settings/organisation',
    setup: async () => ({ path: '/api/settings/organisation', body: { timeZone: 'UTC' } }),
    expect: all(403, { admin: 200 }),
  },
  {
    route: 'GET /api/settings/http-actions',
    setup: async () => ({ path: '/api/settings/http-actions' }),
    expect: all(403, { admin: 200 }),
  },
  {
    route: 'PUT /api/settings/http-actions',
    setup: async () => ({
      path: '/api/settings/http-actions',
      body: { allowedHosts: ['api.partner.example'] },
    }),
    expect: all(403, { admin: 200 }),
  },
];
