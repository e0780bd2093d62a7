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
    when: 'the branches of a split never meet',
    code: 'unmatched-parallel',
    nodeId: 'p',
    trigger: () =>
      definition(
        [node.start(), node.parallel('p'), node.task('legal'), node.task('finance'), node.end()],
        [
          edge('start', 'p'),
          edge('p', 'legal'),
          edge('p', 'finance'),
          edge('legal', 'end', done),
          edge('finance', 'end', done),
        ],
      ),
    pass: () => block(),
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
  {
    when: 'every branch of a split goes straight to an end',
    code: 'unmatched-parallel',
    trigger: () =>
      definition(
        [node.start(), node.parallel('p'), node.end()],
        [edge('start', 'p'), edge('p', 'end'), edge('p', 'end')],
      ),
    pass: () =>
      definition(
        [
          node.start(),
          node.parallel('p'),
          node.approval('legal'),
          node.task('finance'),
          node.join('j'),
          node.end(),
          node.end('rejected'),
        ],
        [
          edge('start', 'p'),
          edge('p', 'legal'),
          edge('p', 'finance'),
          edge('legal', 'j', { on: 'approved' }),
          edge('legal', 'rejected', { on: 'rejected' }),
          edge('finance', 'j', done),
          edge('j', 'end'),
        ],
      ),
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
