import { userId } from './matrix-fixtures.js';
import { all, type RouteExpectation } from './matrix.types.js';

/** Diff, impact and migration of versions; the catalogue; users, the directory and secrets. */
export const ADMIN_ROUTES: RouteExpectation[] = [
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
];
