import { describe, expect, it } from 'vitest';
import { FIELD_TYPES } from './check-fields.js';
import {
  explainValueMismatch,
  isIsoDate,
  isOperatorName,
  operatorFitsFieldType,
  OPERATORS,
  OPERATORS_BY_FIELD_TYPE,
} from './operators.js';

describe('operator catalogue', () => {
  it('lists operators for every scalar field type (none for users and lists), all from the catalogue', () => {
    for (const type of FIELD_TYPES) {
      expect(OPERATORS_BY_FIELD_TYPE[type].length > 0).toBe(type !== 'users' && type !== 'list');
      for (const operator of OPERATORS_BY_FIELD_TYPE[type]) expect(OPERATORS[operator].name).toBe(operator);
    }
  });

  it('offers ordering only on numbers and dates, and no regular expressions at all', () => {
    expect(operatorFitsFieldType('greaterThan', 'number')).toBe(true);
    expect(operatorFitsFieldType('greaterThan', 'date')).toBe(true);
    expect(operatorFitsFieldType('greaterThan', 'enum')).toBe(false);
    expect(operatorFitsFieldType('contains', 'string')).toBe(true);
    expect(isOperatorName('matches')).toBe(false);
    expect(isOperatorName('constructor')).toBe(false);
  });

  it('explains values that do not fit the field type', () => {
    expect(explainValueMismatch({ name: 'a', type: 'number' }, '5000')).toContain('number');
    expect(explainValueMismatch({ name: 'a', type: 'number' }, Number.NaN)).not.toBeNull();
    expect(explainValueMismatch({ name: 'a', type: 'number' }, 5000)).toBeNull();
    expect(explainValueMismatch({ name: 'a', type: 'boolean' }, 'true')).not.toBeNull();
    expect(explainValueMismatch({ name: 'a', type: 'text' }, 'hello')).toBeNull();
  });

  it('accepts real ISO dates only', () => {
    expect(isIsoDate('2026-01-31')).toBe(true);
    expect(isIsoDate('2026-01-31T09:00:00Z')).toBe(true);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('31/01/2026')).toBe(false);
  });
});
