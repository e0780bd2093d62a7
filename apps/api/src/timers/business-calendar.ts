import { DateTime, FixedOffsetZone, IANAZone, type Zone } from 'luxon';

/** Working time: which weekdays, which hours, in which time zone, minus holidays. */
export interface BusinessCalendar {
  /** 0 = Sunday … 6 = Saturday. */
  workingDays: number[];
  /** Minutes after midnight, local time. */
  startMinute: number;
  endMinute: number;
  /**
   * IANA time zone (`Asia/Shanghai`, `Europe/Berlin`): local days and hours follow
   * its daylight-saving rules. When set it wins over `utcOffsetMinutes`.
   */
  timeZone?: string;
  /** Fixed offset from UTC in minutes, for calendars saved before `timeZone` existed. */
  utcOffsetMinutes: number;
  /** Local dates, `YYYY-MM-DD`. */
  holidays: string[];
}

export const DEFAULT_CALENDAR: BusinessCalendar = {
  workingDays: [1, 2, 3, 4, 5],
  startMinute: 9 * 60,
  endMinute: 18 * 60,
  utcOffsetMinutes: 0,
  holidays: [],
};

/** True when `name` is a time zone the IANA database knows (`Asia/Shanghai`, `UTC`). Pure. */
export function isTimeZone(name: string): boolean {
  return IANAZone.isValidZone(name);
}

function zoneOf(calendar: BusinessCalendar): Zone {
  if (calendar.timeZone) return IANAZone.create(calendar.timeZone);
  return FixedOffsetZone.instance(calendar.utcOffsetMinutes);
}

/** One local day's opening hours as instants; a wall-clock time that does not exist (a DST gap) moves forward. */
function workingWindow(
  day: DateTime,
  calendar: BusinessCalendar,
): { open: number; close: number } | undefined {
  const weekday = day.weekday % 7; // luxon: 1 = Monday … 7 = Sunday
  if (!calendar.workingDays.includes(weekday) || calendar.holidays.includes(day.toISODate() ?? ''))
    return undefined;
  const at = (minute: number) =>
    minute >= 24 * 60
      ? day.plus({ days: 1 }).startOf('day')
      : day.set({ hour: Math.floor(minute / 60), minute: minute % 60 });
  return { open: at(calendar.startMinute).toMillis(), close: at(calendar.endMinute).toMillis() };
}

const TEN_YEARS_OF_DAYS = 3660;

/**
 * Adds `millis` of working time to `from`: time outside working hours, on
 * non-working days and on holidays does not count. Days and hours are local to
 * the calendar's time zone, daylight saving included. Pure.
 */
export function addBusinessTime(from: Date, millis: number, calendar: BusinessCalendar): Date {
  const zone = zoneOf(calendar);
  let cursor = from.getTime();
  let remaining = millis;
  let day = DateTime.fromMillis(cursor, { zone }).startOf('day');
  for (let guard = 0; guard < TEN_YEARS_OF_DAYS; guard += 1) {
    const window = workingWindow(day, calendar);
    if (window && cursor < window.close) {
      const begin = Math.max(cursor, window.open);
      if (begin + remaining <= window.close) return new Date(begin + remaining);
      remaining -= window.close - begin;
    }
    day = day.plus({ days: 1 }).startOf('day');
    cursor = Math.max(cursor, day.toMillis());
  }
  throw new Error('business calendar has no working time in ten years');
}

/**
 * Working time between `from` and `to` in milliseconds (0 when `to` is not
 * after `from`): the inverse of {@link addBusinessTime}. Pure.
 */
export function businessTimeBetween(from: Date, to: Date, calendar: BusinessCalendar): number {
  const zone = zoneOf(calendar);
  const end = to.getTime();
  let day = DateTime.fromMillis(from.getTime(), { zone }).startOf('day');
  let total = 0;
  for (let guard = 0; guard < TEN_YEARS_OF_DAYS && day.toMillis() < end; guard += 1) {
    const window = workingWindow(day, calendar);
    if (window) {
      const begin = Math.max(from.getTime(), window.open);
      const finish = Math.min(end, window.close);
      if (finish > begin) total += finish - begin;
    }
    day = day.plus({ days: 1 }).startOf('day');
  }
  return total;
}
