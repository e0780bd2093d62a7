import { ticketClient } from '../ticket-helpers.js';
import { financeTask, reviewTask } from './matrix-fixtures.js';
import { all, type RouteExpectation } from './matrix.types.js';

/** The inbox: tasks, delegations, colleagues and the live stream. */
export const TASK_ROUTES: RouteExpectation[] = [
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
];
