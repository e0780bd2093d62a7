import { definition, edge, node } from './testing/definition-builders.js';
import { testRules } from './testing/rule-cases.js';

const done = { on: 'completed' };
const block = (
  extraNodes: ReturnType<typeof node.task>[] = [],
  extraEdges: ReturnType<typeof edge>[] = [],
  joinExtra: Record<string, unknown> = {},
) =>
  definition(
    [
      node.start(),
      node.parallel('p'),
      node.task('legal'),
      node.task('finance'),
      node.join('j', joinExtra),
      node.end(),
      ...extraNodes,
    ],
    [
      edge('start', 'p'),
      edge('p', 'legal'),
      edge('p', 'finance'),
      edge('legal', 'j', done),
      edge('finance', 'j', done),
      edge('j', 'end'),
      ...extraEdges,
    ],
  );

testRules([
  {
    when: 'a split inside another split lets its branches end without a join',
    code: 'unmatched-parallel',
    nodeId: 'inner',
    trigger: () =>
      definition(
        [
          node.start(),
          node.parallel('p'),
          node.parallel('inner'),
          node.task('legal'),
          node.task('finance'),
          node.task('ops'),
          node.join('j'),
          node.end(),
        ],
        [
          edge('start', 'p'),
          edge('p', 'inner'),
          edge('p', 'ops'),
          edge('inner', 'legal'),
          edge('inner', 'finance'),
          edge('legal', 'end', done),
          edge('finance', 'end', done),
          edge('ops', 'j', done),
          edge('j', 'end'),
        ],
      ),
    pass: () => block(),
    passIsOnlyFreeOf: true,
  },
  {
    when: 'a join waits for a branch that can only end before it',
    code: 'join-never-fires',
    nodeId: 'j',
    trigger: () =>
      definition(
        [
          node.start(),
          node.parallel('p'),
          node.task('legal'),
          node.task('finance'),
          node.join('j'),
          node.end(),
          node.end('expired'),
        ],
        [
          edge('start', 'p'),
          edge('p', 'legal'),
          edge('p', 'finance'),
          edge('legal', 'j', done),
          edge('finance', 'expired', done),
          edge('j', 'end'),
        ],
      ),
    pass: () => block(),
  },
  {
    when: 'a join after an inclusive split requires a count',
    code: 'invalid-join',
    nodeId: 'j',
    trigger: () => inclusiveBlock({ require: { count: 1 } }),
    pass: () => inclusiveBlock(),
  },
  {
    when: 'a join after an inclusive split waits for a branch that can only end',
    code: 'join-never-fires',
    nodeId: 'j',
    trigger: () =>
      definition(
        [
          node.start(),
          node.raw('inc', 'inclusive'),
          node.task('legal'),
          node.task('security'),
          node.join('j'),
          node.end(),
          node.end('stopped'),
        ],
        [
          edge('start', 'inc'),
          edge('inc', 'legal', { condition: { fact: 'amount', operator: 'greaterThan', value: 50000 } }),
          edge('inc', 'security', { default: true }),
          edge('legal', 'j', done),
          edge('security', 'stopped', done),
          edge('j', 'end'),
        ],
      ),
    pass: () => inclusiveBlock(),
  },
  {
    when: 'the branches of a split end at two different joins',
    code: 'unmatched-parallel',
    trigger: () =>
      definition(
        [
          node.start(),
          node.parallel('p'),
          node.task('legal'),
          node.task('finance'),
          node.join('j1'),
          node.join('j2'),
          node.end(),
        ],
        [
          edge('start', 'p'),
          edge('p', 'legal'),
          edge('p', 'finance'),
          edge('legal', 'j1', done),
          edge('finance', 'j2', done),
          edge('j1', 'end'),
          edge('j2', 'end'),
        ],
      ),
    pass: () => block(),
    passIsOnlyFreeOf: true,
  },
  {
    when: 'a branch skips the join and reaches what follows it',
    code: 'unmatched-parallel',
    trigger: () =>
      definition(
        [
          node.start(),
          node.parallel('p'),
          node.task('legal'),
          node.task('after'),
          node.join('j'),
          node.end(),
        ],
        [
          edge('start', 'p'),
          edge('p', 'legal'),
          edge('p', 'after'),
          edge('legal', 'j', done),
          edge('j', 'after'),
          edge('after', 'end', done),
        ],
      ),
    pass: () => block(),
  },
  {
    when: 'a join closes no parallel split',
    code: 'join-without-parallel',
    nodeId: 'j',
    trigger: () =>
      definition(
        [node.start(), node.task('t'), node.join('j'), node.end()],
        [edge('start', 't'), edge('t', 'j', done), edge('j', 'end')],
      ),
    pass: () => block(),
  },
  {
    when: 'an edge from before the split enters the join',
    code: 'join-without-parallel',
    trigger: withBypass,
    pass: () => block(),
  },
  {
    when: 'a join requires more branches than the split starts',
    code: 'join-count-too-high',
    nodeId: 'j',
    trigger: () => block([], [], { require: { count: 3 } }),
    pass: () => block([], [], { require: { count: 1 } }),
  },
]);

/** start → decision: big tickets go straight to the join, others through the split. */
function withBypass(): unknown {
  return definition(
    [
      node.start(),
      node.decision('d'),
      node.parallel('p'),
      node.task('legal'),
      node.task('finance'),
      node.join('j'),
      node.end(),
    ],
    [
      edge('start', 'd'),
      edge('d', 'j', { condition: { fact: 'amount', operator: 'greaterThan', value: 5 } }),
      edge('d', 'p', { default: true }),
      edge('p', 'legal'),
      edge('p', 'finance'),
      edge('legal', 'j', done),
      edge('finance', 'j', done),
      edge('j', 'end'),
    ],
  );
}

/** start → inclusive: legal when the amount is over 50,000, security otherwise → join → end. */
function inclusiveBlock(joinExtra: Record<string, unknown> = {}): unknown {
  return definition(
    [
      node.start(),
      node.raw('inc', 'inclusive'),
      node.task('legal'),
      node.task('security'),
      node.join('j', joinExtra),
      node.end(),
    ],
    [
      edge('start', 'inc'),
      edge('inc', 'legal', { condition: { fact: 'amount', operator: 'greaterThan', value: 50000 } }),
      edge('inc', 'security', { default: true }),
      edge('legal', 'j', done),
      edge('security', 'j', done),
      edge('j', 'end'),
    ],
  );
}
