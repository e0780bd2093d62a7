import type { EntityManager } from 'typeorm';
import { invalid } from '../common/errors/domain-error.js';
import { type BusinessCalendar, DEFAULT_CALENDAR, isTimeZone } from './business-calendar.js';

export const CALENDAR_SETTING = 'business-calendar';

/** The admin's business calendar from app_settings, or the default (Mon–Fri 09:00–18:00 UTC). Reads only. */
export async function loadBusinessCalendar(manager: EntityManager): Promise<BusinessCalendar> {
  const [row] = (await manager.query('SELECT value FROM app_settings WHERE key = $1', [
    CALENDAR_SETTING,
  ])) as { value: Partial<BusinessCalendar> }[];
  return row ? { ...DEFAULT_CALENDAR, ...row.value } : DEFAULT_CALENDAR;
}

/**
 * Checks a calendar an admin sent: weekdays 0–6, opening before closing
 * within one day, an IANA time zone (or an offset within ±14 h), holidays as
 * YYYY-MM-DD, at least one working day. Throws a 400 naming the first problem; pure.
 */
export function checkBusinessCalendar(
  sent: Omit<BusinessCalendar, 'utcOffsetMinutes'> & { utcOffsetMinutes?: number },
): BusinessCalendar {
  const input = { ...sent, utcOffsetMinutes: sent.utcOffsetMinutes ?? 0 };
  if (input.timeZone !== undefined && !isTimeZone(input.timeZone)) {
    throw invalid(
      'invalid-timezone',
      `timeZone "${String(input.timeZone).slice(0, 80)}" is not an IANA time zone such as Asia/Shanghai or Europe/Berlin.`,
      [{ field: 'timeZone', problems: ['unknown time zone'] }],
    );
  }
  const days = [...new Set(input.workingDays)].sort();
  if (days.length === 0 || days.some((day) => !Number.isInteger(day) || day < 0 || day > 6)) {
    throw invalid(
      'invalid-calendar',
      'workingDays must list weekdays 0 (Sunday) to 6 (Saturday), at least one.',
    );
  }
  const minute = (value: number) => Number.isInteger(value) && value >= 0 && value <= 24 * 60;
  if (!minute(input.startMinute) || !minute(input.endMinute) || input.startMinute >= input.endMinute) {
    throw invalid(
      'invalid-calendar',
      `Working hours must be minutes after midnight with startMinute < endMinute (got ${input.startMinute}–${input.endMinute}).`,
    );
  }
  if (!Number.isInteger(input.utcOffsetMinutes) || Math.abs(input.utcOffsetMinutes) > 14 * 60) {
    throw invalid(
      'invalid-calendar',
      `utcOffsetMinutes must be whole minutes within ±840 (got ${input.utcOffsetMinutes}).`,
    );
  }
  const badHoliday = input.holidays.find(
    (day) => !/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(day)),
  );
  if (badHoliday !== undefined)
    throw invalid('invalid-calendar', `Holiday "${badHoliday}" is not a date in the form YYYY-MM-DD.`);
  const zone = input.timeZone === undefined ? {} : { timeZone: input.timeZone };
  return {
    workingDays: days,
    startMinute: input.startMinute,
    endMinute: input.endMinute,
    ...zone,
    utcOffsetMinutes: input.utcOffsetMinutes,
    holidays: [...new Set(input.holidays)].sort(),
  };
}
