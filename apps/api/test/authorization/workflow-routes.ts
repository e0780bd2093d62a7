import {
  nextUnknownUser,
  nextDraftKey,
  simpleDefinition,
  freshDraft,
  publishedWorkflow,
} from './matrix-fixtures.js';
import { all, type RouteExpectation } from './matrix.types.js';

/** Health, sign-in, the directory, templates, workflows, drafts and versions. */
export const WORKFLOW_ROUTES: RouteExpectation[] = [
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
      body: { username: nextUnknownUser(), password: 'wrong' },
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
      const key = nextDraftKey('matrix-put');
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
];
