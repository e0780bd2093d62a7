import type { Condition } from './definition.types.js';
import { compare, definition, edge, node } from './testing/definition-builders.js';
import { testRules } from './testing/rule-cases.js';

const decide = (condition: unknown) => () =>
  definition(
    [node.start(), node.decision('d'), node.end('a'), node.end('b')],
    [
      edge('start', 'd'),
      edge('d', 'a', { id: 'cond', condition: condition as Condition }),
      edge('d', 'b', { default: true }),
    ],
    [
      { name: 'amount', type: 'number' },
      { name: 'channel', type: 'enum', options: ['web', 'phone'] },
      { name: 'vip', type: 'boolean' },
      { name: 'subject', type: 'string' },
      { name: 'due', type: 'date' },
    ],
  );

testRules([
  {
    when: 'a condition is an empty all',
    code: 'invalid-condition',
    edgeId: 'cond',
    trigger: decide({ all: [] }),
    pass: decide({ all: [compare('amount', 'greaterThan', 1)] }),
  },
  {
    when: 'a condition mixes all and a fact',
    code: 'invalid-condition',
    trigger: decide({ all: [compare('amount', 'greaterThan', 1)], fact: 'amount' }),
    pass: decide({ any: [compare('amount', 'greaterThan', 1), { not: compare('vip', 'equal', true) }] }),
  },
  {
    when: 'a comparison has no value',
    code: 'invalid-condition',
    trigger: decide({ fact: 'amount', operator: 'equal' }),
    pass: decide(compare('amount', 'equal', 0)),
  },
  {
    when: 'a comparison has a json-rules-engine param we do not support',
    code: 'invalid-condition',
    trigger: decide({ ...compare('amount', 'equal', 0), params: {} }),
    pass: decide(compare('amount', 'equal', 0)),
  },
  {
    when: 'a condition names an undeclared field',
    code: 'unknown-field',
    trigger: decide(compare('refundAmount', 'greaterThan', 5000)),
    pass: decide(compare('amount', 'greaterThan', 5000)),
  },
  {
    when: 'a condition uses an unknown operator',
    code: 'unknown-operator',
    trigger: decide(compare('subject', 'matches', '^a')),
    pass: decide(compare('subject', 'contains', 'refund')),
  },
  {
    when: 'a number is compared with contains',
    code: 'operator-type-mismatch',
    trigger: decide(compare('amount', 'contains', 5)),
    pass: decide(compare('amount', 'in', [5, 6])),
  },
  {
    when: 'an enum is compared with greaterThan',
    code: 'operator-type-mismatch',
    trigger: decide(compare('channel', 'greaterThan', 'web')),
    pass: decide(compare('channel', 'notIn', ['web'])),
  },
  {
    when: 'a number field is compared with the string "5000"',
    code: 'value-type-mismatch',
    trigger: decide(compare('amount', 'greaterThan', '5000')),
    pass: decide(compare('amount', 'greaterThan', 5000)),
  },
  {
    when: 'a boolean field is compared with "yes"',
    code: 'value-type-mismatch',
    trigger: decide(compare('vip', 'equal', 'yes')),
    pass: decide(compare('vip', 'equal', true)),
  },
  {
    when: 'a date field is compared with a non-date',
    code: 'value-type-mismatch',
    trigger: decide(compare('due', 'lessThan', 'tomorrow')),
    pass: decide(compare('due', 'lessThan', '2026-12-31')),
  },
  {
    when: 'in is given a single value',
    code: 'value-type-mismatch',
    trigger: decide(compare('amount', 'in', 5)),
    pass: decide(compare('amount', 'in', [5])),
  },
  {
    when: 'an enum is compared with a value that is not an option',
    code: 'unknown-enum-value',
    trigger: decide(compare('channel', 'equal', 'fax')),
    pass: decide(compare('channel', 'equal', 'phone')),
  },
  {
    when: 'an enum list has a value that is not an option',
    code: 'unknown-enum-value',
    trigger: decide(compare('channel', 'in', ['web', 'fax'])),
    pass: decide(compare('channel', 'in', ['web', 'phone'])),
  },
]);
