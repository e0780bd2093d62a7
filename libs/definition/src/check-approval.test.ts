import { around, node } from './testing/definition-builders.js';
import { testRules } from './testing/rule-cases.js';

const decided = ['approved', 'rejected'];
const approval = (extra: Record<string, unknown>) => () => around(node.approval('ok', extra), decided);

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
    when: 'allowRequester is a string',
    code: 'invalid-type',
    trigger: approval({ allowRequester: 'yes' }),
    pass: approval({ allowRequester: true }),
  },
]);
