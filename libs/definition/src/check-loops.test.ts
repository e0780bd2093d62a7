import { definition, edge, node } from './testing/definition-builders.js';
import { testRules } from './testing/rule-cases.js';

const again = { condition: { fact: 'amount', operator: 'greaterThan', value: 5 } };

testRules([
  {
    when: 'a decision loops back to itself through an action',
    code: 'straight-through-loop',
    trigger: () =>
      definition(
        [
          node.start(),
          node.action('bump', { type: 'set-fields', values: { amount: 1 } }),
          node.decision('d'),
          node.end(),
        ],
        [
          edge('start', 'bump'),
          edge('bump', 'd', { on: 'ok' }),
          edge('bump', 'end', { on: 'failed' }),
          edge('d', 'bump', again),
          edge('d', 'end', { default: true }),
        ],
      ),
    pass: () =>
      definition(
        [
          node.start(),
          node.action('bump', { type: 'set-fields', values: { amount: 1 } }),
          node.task('check'),
          node.decision('d'),
          node.end(),
        ],
        [
          edge('start', 'bump'),
          edge('bump', 'check', { on: 'ok' }),
          edge('bump', 'end', { on: 'failed' }),
          edge('check', 'd', { on: 'completed' }),
          edge('d', 'bump', again),
          edge('d', 'end', { default: true }),
        ],
      ),
  },
  {
    when: 'a decision points at itself',
    code: 'straight-through-loop',
    nodeId: 'd',
    trigger: () =>
      definition(
        [node.start(), node.decision('d'), node.end()],
        [edge('start', 'd'), edge('d', 'd', again), edge('d', 'end', { default: true })],
      ),
    pass: () =>
      definition(
        [node.start(), node.decision('d'), node.timer('wait'), node.end()],
        [
          edge('start', 'd'),
          edge('d', 'wait', again),
          edge('wait', 'd'),
          edge('d', 'end', { default: true }),
        ],
      ),
  },
]);
