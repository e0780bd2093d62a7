import { around, aroundPlain, node } from './testing/definition-builders.js';
import { testRules } from './testing/rule-cases.js';

const fields = [
  { name: 'amount', type: 'number' as const },
  { name: 'due', type: 'date' as const },
  { name: 'channel', type: 'enum' as const, options: ['web', 'phone'] },
];
const setFields = (values: Record<string, unknown>) => () => ({
  ...around(node.action('act', { type: 'set-fields', values }), ['ok', 'failed']),
  fields,
});

testRules([
  {
    when: 'a timer waits until an undeclared field',
    code: 'unknown-field',
    trigger: () => aroundPlain(node.timer('t', { until: 'deadline' }), fields),
    pass: () => aroundPlain(node.timer('t', { until: 'due' }), fields),
  },
  {
    when: 'a timer waits until a number field',
    code: 'invalid-timer',
    trigger: () => aroundPlain(node.timer('t', { until: 'amount' }), fields),
    pass: () => aroundPlain(node.timer('t', { until: 'due' }), fields),
  },
  {
    when: 'a task form names an undeclared field',
    code: 'unknown-field',
    trigger: () => ({ ...around(node.task('t', { form: [{ field: 'reason' }] })), fields }),
    pass: () => ({ ...around(node.task('t', { form: [{ field: 'amount', required: true }] })), fields }),
  },
  {
    when: 'set-fields names an undeclared field',
    code: 'unknown-field',
    trigger: setFields({ total: 1 }),
    pass: setFields({ amount: 1 }),
  },
  {
    when: 'set-fields puts text into a number field',
    code: 'value-type-mismatch',
    trigger: setFields({ amount: 'ten' }),
    pass: setFields({ amount: 10 }),
  },
  {
    when: 'set-fields puts a non-option into an enum field',
    code: 'unknown-enum-value',
    trigger: setFields({ channel: 'fax' }),
    pass: setFields({ channel: 'web' }),
  },
  {
    when: 'a response mapping fills an undeclared field',
    code: 'unknown-field',
    trigger: () => ({
      ...around(
        node.action('act', {
          type: 'http',
          method: 'GET',
          url: 'https://x.example.com',
          responseMapping: { tracking: 'label.number' },
        }),
        ['ok', 'failed'],
      ),
      fields,
    }),
    pass: () => ({
      ...around(
        node.action('act', {
          type: 'http',
          method: 'GET',
          url: 'https://x.example.com',
          responseMapping: { amount: 'label.cost' },
        }),
        ['ok', 'failed'],
      ),
      fields,
    }),
  },
]);
