import { describe, expect, it } from 'vitest';
import { isCalendarDate } from './field-values.js';

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
