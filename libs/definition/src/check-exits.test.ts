import { around, compare, definition, edge, node } from './testing/definition-builders.js';
import { testRules } from './testing/rule-cases.js';

const big = compare('amount', 'greaterThan', 100);
const decide = (...edges: ReturnType<typeof edge>[]) =>
  definition(
    [node.start(), node.decision('d'), node.end('a'), node.end('b')],
    [edge('start', 'd'), ...edges],
  );
const split = (...edges: ReturnType<typeof edge>[]) =>
  definition(
    [node.start(), node.parallel('p'), node.task('t1'), node.task('t2'), node.join('j'), node.end()],
    [
      edge('start', 'p'),
      ...edges,
      edge('t1', 'j', { on: 'completed' }),
      edge('t2', 'j', { on: 'completed' }),
      edge('j', 'end'),
    ],
  );

testRules([
  {
    when: 'start has two edges',
    code: 'plain-edge-count',
    nodeId: 'start',
    trigger: () =>
      definition([node.start(), node.end('a'), node.end('b')], [edge('start', 'a'), edge('start', 'b')]),
    pass: () => definition([node.start(), node.end('a')], [edge('start', 'a')]),
  },
  {
    when: 'start leaves by an outcome',
    code: 'edge-kind-mismatch',
    trigger: () => definition([node.start(), node.end()], [edge('start', 'end', { on: 'completed' })]),
    pass: () => definition([node.start(), node.end()], [edge('start', 'end')]),
  },
  {
    when: 'an edge has both on and default',
    code: 'conflicting-edge-kinds',
    trigger: () =>
      definition(
        [node.start(), node.task('t'), node.end()],
        [edge('start', 't'), edge('t', 'end', { on: 'completed', default: true })],
      ),
    pass: () => around(node.task('t')),
  },
  {
    when: 'a task edge does not say which outcome it follows',
    code: 'edge-kind-mismatch',
    trigger: () =>
      definition([node.start(), node.task('t'), node.end()], [edge('start', 't'), edge('t', 'end')]),
    pass: () => around(node.task('t')),
  },
  {
    when: 'an approval edge follows "approve" instead of "approved"',
    code: 'unknown-outcome',
    trigger: () => around(node.approval('ok'), ['approve', 'rejected']),
    pass: () => around(node.approval('ok'), ['approved', 'rejected']),
  },
  {
    when: 'an approval with autoDecision has a timeout edge',
    code: 'unknown-outcome',
    trigger: () =>
      around(node.approval('ok', { timeout: { after: 'P1D', autoDecision: 'rejected' } }), [
        'approved',
        'rejected',
        'timeout',
      ]),
    pass: () =>
      around(node.approval('ok', { timeout: { after: 'P1D', autoDecision: 'rejected' } }), [
        'approved',
        'rejected',
      ]),
  },
  {
    when: 'a task without timeout has a timeout edge',
    code: 'unknown-outcome',
    trigger: () => around(node.task('t'), ['completed', 'timeout']),
    pass: () => around(node.task('t', { timeout: { after: 'PT4H' } }), ['completed', 'timeout']),
  },
  {
    when: 'two edges follow the same outcome',
    code: 'duplicate-outcome-edge',
    trigger: () => around(node.task('t'), ['completed', 'completed']),
    pass: () => around(node.task('t')),
  },
  {
    when: 'an approval has no rejected edge',
    code: 'uncovered-outcome',
    nodeId: 'ok',
    trigger: () => around(node.approval('ok'), ['approved']),
    pass: () => around(node.approval('ok'), ['approved', 'rejected']),
  },
  {
    when: 'an approval with a timeout has no timeout edge',
    code: 'uncovered-outcome',
    trigger: () => around(node.approval('ok', { timeout: { after: 'P2D' } }), ['approved', 'rejected']),
    pass: () =>
      around(node.approval('ok', { timeout: { after: 'P2D' } }), ['approved', 'rejected', 'timeout']),
  },
  {
    when: 'a task does not cover one of its outcomes',
    code: 'uncovered-outcome',
    trigger: () => around(node.task('t', { outcomes: ['fixed', 'wontfix'] }), ['fixed']),
    pass: () => around(node.task('t', { outcomes: ['fixed', 'wontfix'] }), ['fixed', 'wontfix']),
  },
  {
    when: 'a wait has no received edge',
    code: 'uncovered-outcome',
    trigger: () => around(node.wait('w', { timeout: { after: 'P1D' } }), ['timeout']),
    pass: () => around(node.wait('w', { timeout: { after: 'P1D' } }), ['received', 'timeout']),
  },
  {
    when: 'an action has no failed edge',
    code: 'uncovered-outcome',
    severity: 'warning',
    trigger: () => around(node.action('act'), ['ok']),
    pass: () => around(node.action('act'), ['ok', 'failed']),
  },
  {
    when: 'a decision has no default edge',
    code: 'missing-default-edge',
    nodeId: 'd',
    trigger: () =>
      decide(
        edge('d', 'a', { condition: big }),
        edge('d', 'b', { condition: compare('amount', 'lessThanInclusive', 100) }),
      ),
    pass: () => decide(edge('d', 'a', { condition: big }), edge('d', 'b', { default: true })),
  },
  {
    when: 'a decision has two default edges',
    code: 'multiple-default-edges',
    trigger: () =>
      decide(
        edge('d', 'a', { condition: big }),
        edge('d', 'b', { default: true }),
        edge('d', 'a', { default: true }),
      ),
    pass: () => decide(edge('d', 'a', { condition: big }), edge('d', 'b', { default: true })),
  },
  {
    when: 'a decision edge has neither condition nor default',
    code: 'missing-condition',
    trigger: () => decide(edge('d', 'a'), edge('d', 'b', { default: true })),
    pass: () => decide(edge('d', 'a', { condition: big }), edge('d', 'b', { default: true })),
  },
  {
    when: 'a decision edge follows an outcome',
    code: 'edge-kind-mismatch',
    trigger: () => decide(edge('d', 'a', { on: 'yes' }), edge('d', 'b', { default: true })),
    pass: () => decide(edge('d', 'a', { condition: big }), edge('d', 'b', { default: true })),
  },
  {
    when: 'a decision has only its default edge',
    code: 'decision-without-conditions',
    severity: 'warning',
    trigger: () =>
      definition(
        [node.start(), node.decision('d'), node.end('a')],
        [edge('start', 'd'), edge('d', 'a', { default: true })],
      ),
    pass: () => decide(edge('d', 'a', { condition: big }), edge('d', 'b', { default: true })),
  },
  {
    when: 'a condition sits on a task edge',
    code: 'edge-kind-mismatch',
    trigger: () =>
      definition(
        [node.start(), node.task('t'), node.end()],
        [edge('start', 't'), edge('t', 'end', { condition: big })],
      ),
    pass: () => around(node.task('t')),
  },
  {
    when: 'a parallel split has one branch',
    code: 'single-branch-parallel',
    severity: 'warning',
    trigger: () =>
      definition(
        [node.start(), node.parallel('p'), node.task('t1'), node.join('j'), node.end()],
        [edge('start', 'p'), edge('p', 't1'), edge('t1', 'j', { on: 'completed' }), edge('j', 'end')],
      ),
    pass: () => split(edge('p', 't1'), edge('p', 't2')),
  },
  {
    when: 'a parallel branch has a condition',
    code: 'edge-kind-mismatch',
    trigger: () => split(edge('p', 't1', { condition: big }), edge('p', 't2')),
    pass: () => split(edge('p', 't1'), edge('p', 't2')),
  },
  {
    when: 'a join has two outgoing edges',
    code: 'plain-edge-count',
    trigger: () =>
      definition(
        [node.start(), node.parallel('p'), node.join('j'), node.end('a'), node.end('b')],
        [edge('start', 'p'), edge('p', 'j'), edge('p', 'j'), edge('j', 'a'), edge('j', 'b')],
      ),
    pass: () => split(edge('p', 't1'), edge('p', 't2')),
  },
]);
