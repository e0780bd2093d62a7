import { matrixRule, ruleBody } from './matrix-fixtures.js';
import { all, type RouteExpectation } from './matrix.types.js';

/** Intake webhooks and channels, automation rules, reports. */
export const INTAKE_AND_REPORT_ROUTES: RouteExpectation[] = [
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
];
