import type { FieldDefinition } from './definition.types.js';
import { minimal } from './testing/definition-builders.js';
import { testRules } from './testing/rule-cases.js';

function withFields(...fields: unknown[]): () => unknown {
  return () => ({ ...minimal(), fields: fields as FieldDefinition[] });
}

testRules([
  {
    when: 'a field name has a space',
    code: 'invalid-field',
    trigger: withFields({ name: 'refund amount', type: 'number' }),
    pass: withFields({ name: 'refundAmount', type: 'number' }),
  },
  {
    when: 'a field is named __proto__',
    code: 'invalid-field',
    trigger: withFields({ name: '__proto__', type: 'number' }),
    pass: withFields({ name: 'proto', type: 'number' }),
  },
  {
    when: 'a field is named constructor',
    code: 'invalid-field',
    trigger: withFields({ name: 'constructor', type: 'number' }),
    pass: withFields({ name: 'builder', type: 'number' }),
  },
  {
    when: 'an enum field has no options',
    code: 'invalid-field',
    trigger: withFields({ name: 'channel', type: 'enum' }),
    pass: withFields({ name: 'channel', type: 'enum', options: ['web'] }),
  },
  {
    when: 'an enum field lists an option twice',
    code: 'invalid-field',
    trigger: withFields({ name: 'channel', type: 'enum', options: ['web', 'web'] }),
    pass: withFields({ name: 'channel', type: 'enum', options: ['web', 'app'] }),
  },
  {
    when: 'a text field has options',
    code: 'invalid-field',
    trigger: withFields({ name: 'note', type: 'text', options: ['a'] }),
    pass: withFields({ name: 'note', type: 'text' }),
  },
  {
    when: 'a number field has min above max',
    code: 'invalid-field',
    trigger: withFields({ name: 'amount', type: 'number', min: 10, max: 1 }),
    pass: withFields({ name: 'amount', type: 'number', min: 1, max: 10 }),
  },
  {
    when: 'a string field has a min',
    code: 'invalid-field',
    trigger: withFields({ name: 'code', type: 'string', min: 1 }),
    pass: withFields({ name: 'code', type: 'string' }),
  },
  {
    when: 'a field has an unknown type',
    code: 'invalid-value',
    trigger: withFields({ name: 'amount', type: 'money' }),
    pass: withFields({ name: 'amount', type: 'number' }),
  },
  {
    when: 'two fields share a name',
    code: 'duplicate-field',
    trigger: withFields({ name: 'amount', type: 'number' }, { name: 'amount', type: 'string' }),
    pass: withFields({ name: 'amount', type: 'number' }, { name: 'currency', type: 'string' }),
  },
]);
