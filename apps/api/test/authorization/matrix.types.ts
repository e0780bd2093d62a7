import type { TestApp } from '../test-app.js';

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

export const all = (
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
