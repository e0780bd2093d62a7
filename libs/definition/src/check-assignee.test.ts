import { describe, expect, it } from 'vitest';
import { around, definition, edge, node } from './testing/definition-builders.js';
import { testRules } from './testing/rule-cases.js';
import { validateDefinition } from './validate-definition.js';

const approval = (approvers: Record<string, unknown>) =>
  around(node.approval('ok', { approvers }), ['approved', 'rejected']);
const task = (assignee: Record<string, unknown>) => around(node.task('work', { assignee }));

/** start → review (agent) → escalate (assignee) → end: a step before the one under test. */
function afterReview(assignee: Record<string, unknown>) {
  return definition(
    [node.start(), node.task('review'), node.task('escalate', { assignee }), node.end()],
    [
      edge('start', 'review'),
      edge('review', 'escalate', { on: 'completed' }),
      edge('escalate', 'end', { on: 'completed' }),
    ],
  );
}

testRules([
  {
    when: 'a task names both a group and a manager',
    code: 'invalid-assignee',
    trigger: () => task({ group: 'store-owners', manager: 'requester' }),
    pass: () => task({ group: 'store-owners' }),
  },
  {
    when: 'a manager assignee names someone other than the requester or previous approver',
    code: 'invalid-value',
    trigger: () => task({ manager: 'boss' }),
    pass: () => task({ manager: 'requester' }),
  },
  {
    when: 'an escalation goes more than ten levels up',
    code: 'invalid-assignee',
    trigger: () => task({ manager: 'requester', levels: 11 }),
    pass: () => task({ manager: 'requester', levels: 3 }),
  },
  {
    when: 'a manager assignee has a strategy',
    code: 'unknown-property',
    trigger: () => task({ manager: 'requester', strategy: 'round-robin' }),
    pass: () => task({ manager: 'requester' }),
  },
  {
    when: 'a fallback names both a role and a user',
    code: 'invalid-assignee',
    trigger: () => task({ role: 'agent', region: 'west', fallback: { role: 'area-manager', user: 'ann' } }),
    pass: () => task({ role: 'agent', region: 'west', fallback: { role: 'area-manager' } }),
  },
  {
    when: 'a fallback incident is not true',
    code: 'invalid-assignee',
    trigger: () => task({ group: 'x', fallback: { incident: false } }),
    pass: () => task({ group: 'x', fallback: { incident: true } }),
  },
  {
    when: 'a group has both a fixed region and a region field',
    code: 'invalid-assignee',
    trigger: () => task({ group: 'store-owners', region: 'east', regionField: 'channel' }),
    pass: () => task({ group: 'store-owners', regionField: 'channel' }),
  },
  {
    when: 'the region field is not declared',
    code: 'unknown-field',
    nodeId: 'work',
    trigger: () => task({ group: 'store-owners', regionField: 'store' }),
    pass: () => task({ group: 'store-owners', regionField: 'channel' }),
  },
  {
    when: 'the region field is a number',
    code: 'invalid-assignee',
    nodeId: 'work',
    trigger: () => task({ role: 'agent', regionField: 'amount' }),
    pass: () => task({ role: 'agent', regionField: 'channel' }),
  },
  {
    when: 'approvers name a group and users',
    code: 'unknown-property',
    trigger: () => approval({ group: 'finance-team', users: ['ann'] }),
    pass: () => approval({ group: 'finance-team' }),
  },
  {
    when: 'approvers from a group take their region from an undeclared field',
    code: 'unknown-field',
    trigger: () => approval({ group: 'store-owners', regionField: 'storeRegion' }),
    pass: () => approval({ group: 'store-owners', regionField: 'channel' }),
  },
  {
    when: 'the manager of the previous approver is asked with no step before',
    code: 'invalid-approvers',
    nodeId: 'ok',
    trigger: () => approval({ manager: 'previous-approver' }),
    pass: () => approval({ manager: 'requester', fallback: { user: 'ann' } }),
  },
  {
    when: 'a task goes to the previous approver manager with no step before',
    code: 'invalid-assignee',
    trigger: () => task({ manager: 'previous-approver' }),
    pass: () => afterReview({ manager: 'previous-approver', levels: 2, fallback: { incident: true } }),
  },
]);

describe('directory assignees', () => {
  it('accept every documented shape', () => {
    for (const assignee of [
      {
        role: 'agent',
        strategy: 'round-robin',
        skills: ['billing'],
        regionField: 'channel',
        fallback: { role: 'area-manager' },
      },
      { group: 'store-owners', strategy: 'least-loaded', region: 'east', fallback: { user: 'admin' } },
      { manager: 'requester', levels: 2, fallback: { incident: true } },
    ]) {
      expect(validateDefinition(task(assignee)).problems).toEqual([]);
    }
    expect(
      validateDefinition(approval({ group: 'store-owners', regionField: 'channel', skills: ['x'] })).problems,
    ).toEqual([]);
  });
});
