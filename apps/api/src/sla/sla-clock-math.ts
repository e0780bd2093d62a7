import { addBusinessTime, type BusinessCalendar, businessTimeBetween } from '../timers/business-calendar.js';

const MINUTE = 60_000;

/** The part of a clock row the arithmetic needs. */
export interface ClockTimes {
  target_minutes: number;
  business_hours: boolean;
  warn_before_percent: number;
  running_since: Date | null;
  elapsed_before_ms: string | number;
}

/** Time counted so far: earlier running segments plus the current one up to `now`. Pure. */
export function elapsedMs(clock: ClockTimes, now: Date, calendar: BusinessCalendar): number {
  const before = Number(clock.elapsed_before_ms);
  if (!clock.running_since) return before;
  const since = new Date(clock.running_since);
  const current = clock.business_hours
    ? businessTimeBetween(since, now, calendar)
    : Math.max(0, now.getTime() - since.getTime());
  return before + current;
}

/** The moment `remaining` counted time will have passed after `from`. Pure. */
function after(from: Date, remaining: number, businessHours: boolean, calendar: BusinessCalendar): Date {
  if (remaining <= 0) return from;
  return businessHours ? addBusinessTime(from, remaining, calendar) : new Date(from.getTime() + remaining);
}

/**
 * When a running clock breaches and when it should warn (null if the
 * warning point has passed or warnings are off), counting from `now` with
 * `elapsed` already used. Pure.
 */
export function clockDeadlines(
  clock: ClockTimes,
  elapsed: number,
  now: Date,
  calendar: BusinessCalendar,
): { dueAt: Date; warnAt: Date | null } {
  const target = clock.target_minutes * MINUTE;
  const dueAt = after(now, target - elapsed, clock.business_hours, calendar);
  const warnPoint = target * (1 - clock.warn_before_percent / 100);
  const warnAt =
    clock.warn_before_percent > 0 && warnPoint > elapsed
      ? after(now, warnPoint - elapsed, clock.business_hours, calendar)
      : null;
  return { dueAt, warnAt };
}
