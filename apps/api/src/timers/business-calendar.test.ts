import { describe, expect, it } from 'vitest';
import { addBusinessTime, businessTimeBetween, DEFAULT_CALENDAR } from './business-calendar.js';

const HOUR = 3_600_000;

describe('addBusinessTime', () => {
  it('adds within one working day', () => {
    expect(addBusinessTime(new Date('2026-11-24T10:00:00Z'), 4 * HOUR, DEFAULT_CALENDAR).toISOString()).toBe('2026-11-24T14:00:00.000Z');
  });

  it('carries the rest over to the next morning', () => {
    expect(addBusinessTime(new Date('2026-11-24T16:00:00Z'), 4 * HOUR, DEFAULT_CALENDAR).toISOString()).toBe('2026-11-25T11:00:00.000Z');
  });

  it('skips the weekend and holidays', () => {
    const calendar = { ...DEFAULT_CALENDAR, holidays: ['2026-11-30'] };
    // Friday 17:00 + 2h → Monday is a holiday → Tuesday 10:00
    expect(addBusinessTime(new Date('2026-11-27T17:00:00Z'), 2 * HOUR, calendar).toISOString()).toBe('2026-12-01T10:00:00.000Z');
  });

  it('starts counting at opening time when started at night', () => {
    expect(addBusinessTime(new Date('2026-11-24T02:00:00Z'), HOUR, DEFAULT_CALENDAR).toISOString()).toBe('2026-11-24T10:00:00.000Z');
  });

  it('respects the time zone offset', () => {
    const shanghai = { ...DEFAULT_CALENDAR, utcOffsetMinutes: 480 };
    // 09:00 in Shanghai is 01:00 UTC
    expect(addBusinessTime(new Date('2026-11-24T00:00:00Z'), HOUR, shanghai).toISOString()).toBe('2026-11-24T02:00:00.000Z');
  });
});

describe('businessTimeBetween', () => {
  it('counts only working hours, and undoes addBusinessTime', () => {
    const from = new Date('2026-11-27T17:00:00Z');
    expect(businessTimeBetween(from, new Date('2026-11-30T10:00:00Z'), DEFAULT_CALENDAR)).toBe(2 * HOUR);
    const shanghai = { ...DEFAULT_CALENDAR, utcOffsetMinutes: 480, holidays: ['2026-11-25'] };
    const start = new Date('2026-11-24T03:30:00Z');
    expect(businessTimeBetween(start, addBusinessTime(start, 13 * HOUR, shanghai), shanghai)).toBe(13 * HOUR);
  });

  it('is zero for an interval outside working time or backwards', () => {
    expect(businessTimeBetween(new Date('2026-11-28T10:00:00Z'), new Date('2026-11-29T10:00:00Z'), DEFAULT_CALENDAR)).toBe(0);
    expect(businessTimeBetween(new Date('2026-11-24T12:00:00Z'), new Date('2026-11-24T10:00:00Z'), DEFAULT_CALENDAR)).toBe(0);
  });
});
