/** Working time: which weekdays, which hours, in which time zone, minus holidays. */
export interface BusinessCalendar {
  /** 0 = Sunday … 6 = Saturday. */
  workingDays: number[];
  /** Minutes after midnight, local time. */
  startMinute: number;
  endMinute: number;
  /** Fixed offset from UTC in minutes (e.g. 480 for China Standard Time). */
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

const MINUTE = 60_000;
const DAY_MINUTES = 24 * 60;

/**
 * Adds `millis` of working time to `from`: time outside working hours, on
 * non-working days and on holidays does not count. Pure.
 */
export function addBusinessTime(from: Date, millis: number, calendar: BusinessCalendar): Date {
  const offset = calendar.utcOffsetMinutes * MINUTE;
  let local = from.getTime() + offset; // "local" wall-clock time expressed as a UTC timestamp
  let remaining = millis;
  for (let guard = 0; guard < 3660; guard += 1) {
    const dayStart = Math.floor(local / (DAY_MINUTES * MINUTE)) * DAY_MINUTES * MINUTE;
    const date = new Date(dayStart);
    const isWorkingDay = calendar.workingDays.includes(date.getUTCDay()) && !calendar.holidays.includes(date.toISOString().slice(0, 10));
    const open = dayStart + calendar.startMinute * MINUTE;
    const close = dayStart + calendar.endMinute * MINUTE;
    if (isWorkingDay && local < close) {
      const begin = Math.max(local, open);
      if (begin + remaining <= close) return new Date(begin + remaining - offset);
      remaining -= close - begin;
    }
    local = dayStart + DAY_MINUTES * MINUTE;
  }
  throw new Error('business calendar has no working time in ten years');
}

/**
 * Working time between `from` and `to` in milliseconds (0 when `to` is not
 * after `from`): the inverse of {@link addBusinessTime}. Pure.
 */
export function businessTimeBetween(from: Date, to: Date, calendar: BusinessCalendar): number {
  const offset = calendar.utcOffsetMinutes * MINUTE;
  const end = to.getTime() + offset;
  let local = from.getTime() + offset;
  let total = 0;
  for (let guard = 0; guard < 3660 && local < end; guard += 1) {
    const dayStart = Math.floor(local / (DAY_MINUTES * MINUTE)) * DAY_MINUTES * MINUTE;
    const date = new Date(dayStart);
    const isWorkingDay = calendar.workingDays.includes(date.getUTCDay()) && !calendar.holidays.includes(date.toISOString().slice(0, 10));
    if (isWorkingDay) {
      const begin = Math.max(local, dayStart + calendar.startMinute * MINUTE);
      const finish = Math.min(end, dayStart + calendar.endMinute * MINUTE);
      if (finish > begin) total += finish - begin;
    }
    local = dayStart + DAY_MINUTES * MINUTE;
  }
  return total;
}
