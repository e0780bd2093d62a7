import { describe, expect, it } from 'vitest';
import { addBusinessTime, businessTimeBetween, DEFAULT_CALENDAR } from './business-calendar.js';

const HOUR = 3_600_000;

describe('addBusinessTime', () => {
  it('adds within one working day', () => {
    expect(addBusinessTime(new Date('2026-11-24T10:00:00Z'), 4 * HOUR, DEFAULT_CALENDAR).toISOString()).toBe(
      '2026-11-24T14:00:00.000Z',
    );
  });

  it('carries the rest over to the next morning', () => {
    expect(addBusinessTime(new Date('2026-11-24T16:00:00Z'), 4 * HOUR, DEFAULT_CALENDAR).toISOString()).toBe(
      '2026-11-25T11:00:00.000Z',
    );
  });

  it('skips the weekend and holidays', () => {
    const calendar = { ...DEFAULT_CALENDAR, holidays: ['2026-11-30'] };
    // Friday 17:00 + 2h → Monday is a holiday → Tuesday 10:00
    expect(addBusinessTime(new Date('2026-11-27T17:00:00Z'), 2 * HOUR, calendar).toISOString()).toBe(
      '2026-12-01T10:00:00.000Z',
    );
  });

  it('starts counting at opening time when started at night', () => {
    expect(addBusinessTime(new Date('2026-11-24T02:00:00Z'), HOUR, DEFAULT_CALENDAR).toISOString()).toBe(
      '2026-11-24T10:00:00.000Z',
    );
  });

  it('respects the time zone offset', () => {
    const shanghai = { ...DEFAULT_CALENDAR, utcOffsetMinutes: 480 };
    // 09:00 in Shanghai is 01:00 UTC
    expect(addBusinessTime(new Date('2026-11-24T00:00:00Z'), HOUR, shanghai).toISOString()).toBe(
      '2026-11-24T02:00:00.000Z',
    );
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
    expect(
      businessTimeBetween(
        new Date('2026-11-28T10:00:00Z'),
        new Date('2026-11-29T10:00:00Z'),
        DEFAULT_CALENDAR,
      ),
    ).toBe(0);
    expect(
      businessTimeBetween(
        new Date('2026-11-24T12:00:00Z'),
        new Date('2026-11-24T10:00:00Z'),
        DEFAULT_CALENDAR,
      ),
    ).toBe(0);
  });
});

describe('business hours across daylight saving', () => {
  const newYork = { ...DEFAULT_CALENDAR, timeZone: 'America/New_York' };
  const berlin = { ...DEFAULT_CALENDAR, timeZone: 'Europe/Berlin' };

  it('opens at 09:00 local on both sides of the spring change (New York, 8 March 2026)', () => {
    // Friday 17:00 EST (22:00Z) + 2 working hours: 1 h on Friday, 1 h on Monday from 09:00 EDT (13:00Z).
    expect(addBusinessTime(new Date('2026-03-06T22:00:00Z'), 2 * HOUR, newYork).toISOString()).toBe(
      '2026-03-09T14:00:00.000Z',
    );
    // A fixed offset of -5 h would have opened an hour late, at 14:00Z.
    const fixed = { ...DEFAULT_CALENDAR, utcOffsetMinutes: -300 };
    expect(addBusinessTime(new Date('2026-03-06T22:00:00Z'), 2 * HOUR, fixed).toISOString()).toBe(
      '2026-03-09T15:00:00.000Z',
    );
  });

  it('closes at 18:00 local after the autumn change (Berlin, 25 October 2026)', () => {
    // Friday 23 Oct 17:00 CEST (15:00Z) + 3 h: 1 h on Friday, then Monday 26 Oct 09:00 CET (08:00Z) + 2 h.
    expect(addBusinessTime(new Date('2026-10-23T15:00:00Z'), 3 * HOUR, berlin).toISOString()).toBe(
      '2026-10-26T10:00:00.000Z',
    );
    expect(
      businessTimeBetween(new Date('2026-10-23T15:00:00Z'), new Date('2026-10-26T10:00:00Z'), berlin),
    ).toBe(3 * HOUR);
  });

  it('counts a whole working week across the change as 5 × 9 hours', () => {
    // Monday 2 March 00:00 EST to Monday 16 March 00:00 EDT: two weeks, the change in between.
    expect(
      businessTimeBetween(new Date('2026-03-02T05:00:00Z'), new Date('2026-03-16T04:00:00Z'), newYork),
    ).toBe(2 * 5 * 9 * HOUR);
  });

  it('keeps a day with no daylight saving the same in Shanghai', () => {
    const shanghai = { ...DEFAULT_CALENDAR, timeZone: 'Asia/Shanghai' };
    expect(addBusinessTime(new Date('2026-11-24T00:00:00Z'), HOUR, shanghai).toISOString()).toBe(
      '2026-11-24T02:00:00.000Z',
    );
  });

  it('moves a working day that starts in a DST gap to the first real minute', () => {
    // Opening at 02:30 on 8 March 2026 in New York does not exist (02:00 → 03:00): it opens at 03:30 EDT (07:30Z).
    const nightShift = { ...newYork, workingDays: [0], startMinute: 150, endMinute: 300 };
    expect(addBusinessTime(new Date('2026-03-08T05:00:00Z'), 30 * 60_000, nightShift).toISOString()).toBe(
      '2026-03-08T08:00:00.000Z',
    );
  });
});
