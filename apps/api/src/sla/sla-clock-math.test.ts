import { describe, expect, it } from 'vitest';
import { DEFAULT_CALENDAR } from '../timers/business-calendar.js';
import { clockDeadlines, elapsedMs } from './sla-clock-math.js';

const HOUR = 3_600_000;
const clock = {
  target_minutes: 240,
  business_hours: false,
  warn_before_percent: 25,
  running_since: null,
  elapsed_before_ms: 0,
};

describe('SLA clock arithmetic', () => {
  it('warns at 75% and breaches at the target in calendar time', () => {
    const now = new Date('2026-11-24T10:00:00Z');
    const { dueAt, warnAt } = clockDeadlines(clock, 0, now, DEFAULT_CALENDAR);
    expect(dueAt.toISOString()).toBe('2026-11-24T14:00:00.000Z');
    expect(warnAt?.toISOString()).toBe('2026-11-24T13:00:00.000Z');
  });

  it('carries time used before a pause into the deadline after it', () => {
    const now = new Date('2026-11-24T10:00:00Z');
    const { dueAt, warnAt } = clockDeadlines(clock, 3.5 * HOUR, now, DEFAULT_CALENDAR);
    expect(dueAt.toISOString()).toBe('2026-11-24T10:30:00.000Z');
    expect(warnAt).toBeNull();
  });

  it('counts business hours only, across the night', () => {
    const businessClock = {
      ...clock,
      business_hours: true,
      running_since: new Date('2026-11-24T16:00:00Z'),
      elapsed_before_ms: HOUR,
    };
    expect(elapsedMs(businessClock, new Date('2026-11-25T10:00:00Z'), DEFAULT_CALENDAR)).toBe(4 * HOUR);
    const { dueAt } = clockDeadlines(businessClock, HOUR, new Date('2026-11-24T16:00:00Z'), DEFAULT_CALENDAR);
    expect(dueAt.toISOString()).toBe('2026-11-25T10:00:00.000Z');
  });
});
