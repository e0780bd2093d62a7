import { describe, expect, it } from 'vitest';
import { fieldLabel, formatFieldValue, numberTotals } from './field-display';

const words = { yes: 'Yes', no: 'No' };

describe('field display', () => {
  it('labels a field by its definition or its name in words', () => {
    expect(fieldLabel('refundAmount')).toBe('Refund amount');
    expect(fieldLabel('refundAmount', { label: 'Refund' })).toBe('Refund');
  });

  it('formats values by type', () => {
    expect(formatFieldValue(12000, 'en', words)).toBe('12,000');
    expect(formatFieldValue(true, 'en', words)).toBe('Yes');
    expect(formatFieldValue(null, 'en', words)).toBe('—');
    expect(formatFieldValue('2026-11-24', 'en', words, 'date')).toBe('Nov 24, 2026');
  });

  it('totals the number fields of several tasks', () => {
    expect(numberTotals([{ refundAmount: 12000, channel: 'web' }, { refundAmount: 800 }])).toEqual([
      { field: 'refundAmount', total: 12800 },
    ]);
  });
});
