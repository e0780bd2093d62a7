import { describe, expect, it } from 'vitest';
import { checkFieldValues, isCalendarDate } from './field-values.js';

describe('isCalendarDate', () => {
  it('accepts ISO dates and date-times that exist', () => {
    for (const value of [
      '2026-11-24',
      '2024-02-29',
      '2026-11-24T10:00:00Z',
      '2026-11-24T10:00:00.123+08:00',
      '2026-11-24T10:00',
    ])
      expect(isCalendarDate(value), value).toBe(true);
  });

  it('refuses numbers, impossible days and free text that Date.parse would take', () => {
    for (const value of [
      '0',
      '1',
      '2026-02-30',
      '2025-02-29',
      '2026-13-01',
      '2026-11-24T25:00:00Z',
      'March 3, 2026',
      '',
    ])
      expect(isCalendarDate(value), value).toBe(false);
  });
});

describe('users and list fields', () => {
  const fields = [
    { name: 'owners', type: 'users' as const, required: true },
    {
      name: 'lineItems',
      type: 'list' as const,
      itemFields: [
        { name: 'sku', type: 'string' as const },
        { name: 'amount', type: 'number' as const },
      ],
    },
  ];

  it('accepts user names and items of the declared item fields', () => {
    expect(
      checkFieldValues(fields, {
        owners: ['ann', 'bob'],
        lineItems: [{ sku: 'A', amount: 3 }, { sku: 'B' }],
      }),
    ).toEqual([]);
  });

  it('names the item and the field that is wrong', () => {
    const problems = checkFieldValues(fields, {
      owners: ['ann', 'ann'],
      lineItems: [{ sku: 'A', amount: 'three' }, { colour: 'red' }],
    });
    expect(problems.map((p) => p.message)).toEqual([
      'fields.owners lists the same user twice',
      'fields.lineItems [0].amount must be a number, got "three"',
    ]);
    expect(checkFieldValues(fields, { owners: 'ann' })[0]?.message).toContain('must be a list of user names');
    expect(
      checkFieldValues(fields, { owners: ['ann'], lineItems: [{ colour: 'red' }] })[0]?.message,
    ).toContain('[0].colour is not a field of the items');
  });

  it('treats an empty list as missing for a required field', () => {
    expect(checkFieldValues(fields, { owners: [] }).map((p) => p.field)).toEqual(['owners']);
  });
});
