import { describe, expect, it } from 'vitest';
import { canConnect, exitsOf } from './connection-rules.js';
import { definition, edge, node } from './testing/definition-builders.js';
import { testRules } from './testing/rule-cases.js';
import { validateDefinition } from './validate-definition.js';

const fields = [
  { name: 'amount', type: 'number' },
  { name: 'approvedBy', type: 'string' },
];

/** start → mgr (a sub-flow left by the given outcomes) → end. */
const parent =
  (extra: Record<string, unknown> = {}, outcomes = ['approved', 'rejected'], key = 'travel-request') =>
  () => ({
    ...definition(
      [
        node.start(),
        node.raw('mgr', 'subflow', {
          workflowKey: 'manager-approval',
          input: { amount: 'amount' },
          output: { approvedBy: 'decidedBy' },
          ...extra,
        }),
        node.end(),
      ],
      [edge('start', 'mgr'), ...outcomes.map((on) => edge('mgr', 'end', { on }))],
      fields as never,
    ),
    key,
  });

describe('a sub-flow node', () => {
  it('is valid with any outcome words when it does not list the child outcomes', () => {
    expect(validateDefinition(parent({}, ['approved', 'escalated', 'cancelled'])()).problems).toEqual([]);
  });

  it('offers its listed outcomes and cancelled as exits, and any word when none are listed', () => {
    const listed = parent({ outcomes: ['approved', 'rejected'] })();
    expect(exitsOf(listed.nodes[1] as never)).toEqual(['approved', 'rejected', 'cancelled']);
    const open = parent()();
    expect(canConnect(open, { source: 'mgr', target: 'end', exit: 'escalated' })).toMatchObject({
      ok: true,
      on: 'escalated',
    });
  });
});

testRules([
  {
    when: 'a sub-flow has no workflowKey',
    code: 'missing-property',
    nodeId: 'mgr',
    trigger: parent({ workflowKey: undefined }),
    pass: parent(),
  },
  {
    when: 'a sub-flow does not name its workflow yet',
    code: 'subflow-workflow-missing',
    nodeId: 'mgr',
    trigger: parent({ workflowKey: '' }),
    pass: parent(),
  },
  {
    when: 'a sub-flow names a workflow key that is not a slug',
    code: 'invalid-subflow',
    nodeId: 'mgr',
    trigger: parent({ workflowKey: 'Manager Approval' }),
    pass: parent(),
  },
  {
    when: 'a sub-flow maps input from a parent field that is not declared',
    code: 'unknown-field',
    nodeId: 'mgr',
    trigger: parent({ input: { amount: 'total' } }),
    pass: parent(),
  },
  {
    when: 'a sub-flow maps output into a parent field that is not declared',
    code: 'unknown-field',
    nodeId: 'mgr',
    trigger: parent({ output: { approver: 'decidedBy' } }),
    pass: parent(),
  },
  {
    when: 'a sub-flow maps a field to something that is not a field name',
    code: 'invalid-subflow',
    nodeId: 'mgr',
    trigger: parent({ input: { amount: 42 } }),
    pass: parent(),
  },
  {
    when: 'two edges leave a sub-flow by the same outcome',
    code: 'duplicate-outcome-edge',
    nodeId: 'mgr',
    trigger: parent({}, ['approved', 'approved']),
    pass: parent({}, ['approved', 'rejected']),
  },
  {
    when: 'a sub-flow that lists the child outcomes has an edge for another one',
    code: 'unknown-outcome',
    trigger: parent({ outcomes: ['approved', 'rejected'] }, ['approved', 'rejected', 'escalated']),
    pass: parent({ outcomes: ['approved', 'rejected'] }, ['approved', 'rejected', 'cancelled']),
  },
  {
    when: 'a listed child outcome has no edge',
    code: 'uncovered-outcome',
    nodeId: 'mgr',
    trigger: parent({ outcomes: ['approved', 'rejected'] }, ['approved']),
    pass: parent({ outcomes: ['approved', 'rejected'] }),
  },
  {
    when: 'a sub-flow with a timeout has no timeout edge',
    code: 'uncovered-outcome',
    nodeId: 'mgr',
    trigger: parent({ outcomes: ['approved'], timeout: { after: 'P2D' } }, ['approved']),
    pass: parent({ outcomes: ['approved'], timeout: { after: 'P2D' } }, ['approved', 'timeout']),
  },
  {
    when: 'a workflow calls itself as its sub-flow',
    code: 'subflow-calls-itself',
    nodeId: 'mgr',
    trigger: parent({}, ['approved', 'rejected'], 'manager-approval'),
    pass: parent(),
  },
]);
