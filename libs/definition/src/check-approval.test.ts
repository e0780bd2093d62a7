import { around, node } from './testing/definition-builders.js';
import { testRules } from './testing/rule-cases.js';

const decided = ['approved', 'rejected'];
const approval = (extra: Record<string, unknown>) => () => around(node.approval('ok', extra), decided);
/** A composite approval: the groups name who approves, so there are no `approvers`. */
const composite =
  (groups: unknown, extra: Record<string, unknown> = {}) =>
  () =>
    around(node.raw('ok', 'approval', { policy: { type: 'groups', groups }, ...extra }), decided);
const financeAndLegal = [
  { role: 'finance', count: 2 },
  { role: 'legal', count: 1 },
];

testRules([
  {
    when: 'approvers has both a role and users',
    code: 'invalid-approvers',
    trigger: approval({ approvers: { role: 'finance', users: ['ann'] } }),
    pass: approval({ approvers: { role: 'finance' } }),
  },
  {
    when: 'approvers lists no users',
    code: 'invalid-approvers',
    trigger: approval({ approvers: { users: [] } }),
    pass: approval({ approvers: { users: ['ann'] } }),
  },
  {
    when: 'approvers lists a user twice',
    code: 'invalid-approvers',
    trigger: approval({ approvers: { users: ['ann', 'ann'] } }),
    pass: approval({ approvers: { users: ['ann', 'bob'] } }),
  },
  {
    when: 'a quorum needs zero approvals',
    code: 'invalid-policy',
    trigger: approval({ policy: { type: 'quorum', count: 0 } }),
    pass: approval({ policy: { type: 'quorum', count: 1 } }),
  },
  {
    when: 'a quorum needs more approvals than listed approvers',
    code: 'invalid-policy',
    trigger: approval({ approvers: { users: ['ann', 'bob'] }, policy: { type: 'quorum', count: 3 } }),
    pass: approval({ approvers: { users: ['ann', 'bob'] }, policy: { type: 'quorum', count: 2 } }),
  },
  {
    when: 'a percent policy is above 100',
    code: 'invalid-policy',
    trigger: approval({ policy: { type: 'percent', value: 150 } }),
    pass: approval({ policy: { type: 'percent', value: 50 } }),
  },
  {
    when: 'a percent policy is 0',
    code: 'invalid-policy',
    trigger: approval({ policy: { type: 'percent', value: 0 } }),
    pass: approval({ policy: { type: 'percent', value: 100 } }),
  },
  {
    when: 'a policy type is unknown',
    code: 'invalid-policy',
    trigger: approval({ policy: { type: 'majority' } }),
    pass: approval({ policy: { type: 'all' } }),
  },
  {
    when: 'an autoDecision is not approved or rejected',
    code: 'invalid-value',
    trigger: approval({ timeout: { after: 'P2D', autoDecision: 'escalate' } }),
    pass: approval({ timeout: { after: 'P2D', autoDecision: 'approved' } }),
  },
  {
    when: 'a groups policy has no groups',
    code: 'invalid-policy',
    trigger: composite([]),
    pass: composite(financeAndLegal),
  },
  {
    when: 'a group needs zero approvals',
    code: 'invalid-policy',
    trigger: composite([{ role: 'finance', count: 0 }]),
    pass: composite([{ role: 'finance', count: 1 }]),
  },
  {
    when: 'a groups policy names one role twice',
    code: 'invalid-policy',
    trigger: composite([
      { role: 'finance', count: 1 },
      { role: 'finance', count: 1 },
    ]),
    pass: composite([{ role: 'finance', count: 2 }]),
  },
  {
    when: 'a group has no role',
    code: 'invalid-policy',
    trigger: composite([{ count: 1 }]),
    pass: composite([{ role: 'legal', count: 1 }]),
  },
  {
    when: 'a groups policy also lists approvers',
    code: 'invalid-approvers',
    trigger: composite(financeAndLegal, { approvers: { role: 'finance' } }),
    pass: composite(financeAndLegal),
  },
  {
    when: 'an approval without a groups policy has no approvers',
    code: 'missing-property',
    trigger: () => around(node.raw('ok', 'approval', { policy: { type: 'all' } }), decided),
    pass: approval({ policy: { type: 'all' } }),
  },
  {
    when: 'allowRequester is a string',
    code: 'invalid-type',
    trigger: approval({ allowRequester: 'yes' }),
    pass: approval({ allowRequester: true }),
  },
]);
