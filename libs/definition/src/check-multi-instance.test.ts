import { definition, edge, node } from './testing/definition-builders.js';
import { testRules } from './testing/rule-cases.js';

const lineItems = {
  name: 'lineItems',
  type: 'list',
  itemFields: [
    { name: 'sku', type: 'string' },
    { name: 'amount', type: 'number' },
  ],
};
const owners = { name: 'costCentreOwners', type: 'users' };
const amount = { name: 'amount', type: 'number' };

/** start → the step (left by approved / rejected or completed) → end, with the given fields. */
function around(
  step: ReturnType<typeof node.raw>,
  fields: unknown[],
  outcomes = ['approved', 'rejected'],
): unknown {
  return definition(
    [node.start(), step, node.end()],
    [edge('start', step.id), ...outcomes.map((on) => edge(step.id, 'end', { on }))],
    fields as never,
  );
}

const perItem =
  (extra: Record<string, unknown> = {}, fields: unknown[] = [lineItems, owners]) =>
  () =>
    around(
      node.raw('approve', 'approval', {
        approvers: { field: 'costCentreOwners' },
        forEach: 'lineItems',
        policy: { type: 'all' },
        ...extra,
      }),
      fields,
    );

testRules([
  {
    when: 'forEach names a field that is not declared',
    code: 'unknown-field',
    nodeId: 'approve',
    trigger: perItem({ forEach: 'items' }),
    pass: perItem(),
  },
  {
    when: 'forEach names a field that is not a list',
    code: 'invalid-for-each',
    nodeId: 'approve',
    trigger: perItem({ forEach: 'amount' }, [lineItems, owners, amount]),
    pass: perItem({}, [lineItems, owners, amount]),
  },
  {
    when: 'approvers come from a field that is not a users field',
    code: 'invalid-approvers',
    nodeId: 'approve',
    trigger: perItem({ approvers: { field: 'amount' } }, [lineItems, owners, amount]),
    pass: perItem({}, [lineItems, owners, amount]),
  },
  {
    when: 'a list field has no item fields',
    code: 'invalid-field',
    trigger: perItem({}, [{ name: 'lineItems', type: 'list' }, owners]),
    pass: perItem(),
  },
  {
    when: 'a list item field has an unknown type',
    code: 'invalid-value',
    trigger: perItem({}, [
      { name: 'lineItems', type: 'list', itemFields: [{ name: 'sku', type: 'users' }] },
      owners,
    ]),
    pass: perItem(),
  },
  {
    when: 'an approval per item has a groups policy',
    code: 'invalid-policy',
    trigger: perItem({
      approvers: undefined,
      policy: { type: 'groups', groups: [{ role: 'finance', count: 1 }] },
    }),
    pass: perItem(),
  },
  {
    when: 'a task has a completion policy without forEach',
    code: 'invalid-policy',
    trigger: () =>
      around(
        node.raw('pick', 'task', { assignee: { role: 'agent' }, policy: { type: 'any' } }),
        [lineItems],
        ['completed'],
      ),
    pass: () =>
      around(
        node.raw('pick', 'task', {
          assignee: { role: 'agent' },
          forEach: 'lineItems',
          policy: { type: 'any' },
        }),
        [lineItems],
        ['completed'],
      ),
  },
  {
    when: 'a condition compares a list field',
    code: 'operator-type-mismatch',
    trigger: () =>
      definition(
        [node.start(), node.decision('d'), node.end()],
        [
          edge('start', 'd'),
          edge('d', 'end', { condition: { fact: 'lineItems', operator: 'equal', value: 1 } }),
          edge('d', 'end', { default: true }),
        ],
        [lineItems] as never,
      ),
    pass: () =>
      definition(
        [node.start(), node.decision('d'), node.end()],
        [
          edge('start', 'd'),
          edge('d', 'end', { condition: { fact: 'amount', operator: 'equal', value: 1 } }),
          edge('d', 'end', { default: true }),
        ],
        [lineItems, amount] as never,
      ),
  },
]);
