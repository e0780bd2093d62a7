import { around, aroundPlain, definition, edge, node } from './testing/definition-builders.js';
import { testRules } from './testing/rule-cases.js';

const dateField = { name: 'dueDate', type: 'date' as const };

testRules([
  {
    when: 'a task timeout is not a duration',
    code: 'invalid-duration',
    nodeId: 'review',
    trigger: () => around(node.task('review', { timeout: { after: '4 hours' } }), ['completed', 'timeout']),
    pass: () => around(node.task('review', { timeout: { after: 'PT4H' } }), ['completed', 'timeout']),
  },
  {
    when: 'a timeout is given in months',
    code: 'invalid-duration',
    trigger: () => around(node.task('review', { timeout: { after: 'P1M' } }), ['completed', 'timeout']),
    pass: () => around(node.task('review', { timeout: { after: 'P30D' } }), ['completed', 'timeout']),
  },
  {
    when: 'a timer waits zero seconds',
    code: 'invalid-duration',
    trigger: () => aroundPlain(node.timer('cool', { after: 'PT0S' })),
    pass: () => aroundPlain(node.timer('cool', { after: 'PT30S' })),
  },
  {
    when: 'a timeout has no after',
    code: 'missing-property',
    trigger: () => around(node.wait('label', { timeout: { businessHours: true } }), ['received', 'timeout']),
    pass: () =>
      around(node.wait('label', { timeout: { after: 'P1D', businessHours: true } }), ['received', 'timeout']),
  },
  {
    when: 'a task has both a user and a role',
    code: 'invalid-assignee',
    trigger: () => around(node.task('review', { assignee: { user: 'ann', role: 'agent' } })),
    pass: () => around(node.task('review', { assignee: { user: 'ann' } })),
  },
  {
    when: 'a task assignee role is empty',
    code: 'invalid-assignee',
    trigger: () => around(node.task('review', { assignee: { role: '' } })),
    pass: () =>
      around(
        node.task('review', {
          assignee: { role: 'agent', strategy: 'round-robin', skills: ['billing'], region: 'eu' },
        }),
      ),
  },
  {
    when: 'a task uses an unknown assignment strategy',
    code: 'invalid-value',
    trigger: () => around(node.task('review', { assignee: { role: 'agent', strategy: 'random' } })),
    pass: () => around(node.task('review', { assignee: { role: 'agent', strategy: 'least-loaded' } })),
  },
  {
    when: 'a task is missing its assignee',
    code: 'missing-property',
    trigger: () => around(node.raw('review', 'task')),
    pass: () => around(node.task('review')),
  },
  {
    when: 'a task names an outcome "timeout"',
    code: 'invalid-value',
    trigger: () => around(node.task('review', { outcomes: ['done', 'timeout'] }), ['done']),
    pass: () => around(node.task('review', { outcomes: ['done', 'later'] }), ['done', 'later']),
    passIsOnlyFreeOf: true,
  },
  {
    when: 'a task lists an outcome with spaces',
    code: 'invalid-value',
    trigger: () => around(node.task('review', { outcomes: ['needs info'] }), ['needs info']),
    pass: () => around(node.task('review', { outcomes: ['needs-info'] }), ['needs-info']),
  },
  {
    when: 'an end outcome is a sentence',
    code: 'invalid-value',
    trigger: () =>
      definition([node.start(), node.end('end', { outcome: 'all good' })], [edge('start', 'end')]),
    pass: () => definition([node.start(), node.end('end', { outcome: 'resolved' })], [edge('start', 'end')]),
  },
  {
    when: 'a wait message has a slash',
    code: 'invalid-value',
    trigger: () => around(node.wait('label', { message: 'label/printed' }), ['received']),
    pass: () => around(node.wait('label', { message: 'label-printed' }), ['received']),
  },
  {
    when: 'a timer has both after and until',
    code: 'invalid-timer',
    trigger: () => aroundPlain(node.timer('t', { after: 'PT1H', until: 'dueDate' }), [dateField]),
    pass: () => aroundPlain(node.timer('t', { until: 'dueDate' }), [dateField]),
  },
  {
    when: 'a timer has neither after nor until',
    code: 'invalid-timer',
    trigger: () => aroundPlain(node.timer('t', {})),
    pass: () => aroundPlain(node.timer('t', { after: 'PT1H' })),
  },
  {
    when: 'a join requires zero branches',
    code: 'invalid-join',
    trigger: () =>
      definition(
        [node.start(), node.parallel('p'), node.join('j', { require: { count: 0 } }), node.end()],
        [edge('start', 'p'), edge('p', 'j'), edge('p', 'j'), edge('j', 'end')],
      ),
    pass: () =>
      definition(
        [node.start(), node.parallel('p'), node.join('j', { require: { count: 1 } }), node.end()],
        [edge('start', 'p'), edge('p', 'j'), edge('p', 'j'), edge('j', 'end')],
      ),
  },
  {
    when: 'a node has a property of another node type',
    code: 'unknown-property',
    trigger: () => around(node.task('review', { approvers: { role: 'x' } })),
    pass: () => around(node.task('review')),
  },
]);
