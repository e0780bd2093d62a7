import { describe, expect, it } from 'vitest';
import { concernsListener } from './inbox-relevance.js';

const listener = { userIds: ['u1', 'boss'], roles: ['finance'] };

describe('concernsListener', () => {
  it('matches a task for one of my roles', () => {
    expect(
      concernsListener([{ assignee_id: null, candidate_role: 'finance', candidate_users: [] }], listener),
    ).toBe(true);
  });

  it('matches a task assigned to someone who delegated to me', () => {
    expect(
      concernsListener([{ assignee_id: 'boss', candidate_role: null, candidate_users: [] }], listener),
    ).toBe(true);
  });

  it('matches a task naming me as a candidate', () => {
    expect(
      concernsListener([{ assignee_id: null, candidate_role: null, candidate_users: ['x', 'u1'] }], listener),
    ).toBe(true);
  });

  it('ignores tasks of other roles and people', () => {
    expect(
      concernsListener([{ assignee_id: 'x', candidate_role: 'agent', candidate_users: ['y'] }], listener),
    ).toBe(false);
    expect(concernsListener([], listener)).toBe(false);
  });
});
