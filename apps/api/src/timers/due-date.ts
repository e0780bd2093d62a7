import { durationToMillis, parseIsoDuration } from '@ticketflow/definition';
import { invalid } from '../common/errors/domain-error.js';
import { addBusinessTime, type BusinessCalendar, DEFAULT_CALENDAR } from './business-calendar.js';

/**
 * When a timer is due: `at` as given, or `after` from `now`, counted in
 * business time when asked. Pure.
 */
export function computeDueAt(
  timer: { after?: string; at?: string; businessHours: boolean },
  now: Date,
  calendar: BusinessCalendar = DEFAULT_CALENDAR,
): Date {
  if (timer.at !== undefined) {
    const at = new Date(timer.at);
    if (Number.isNaN(at.getTime()))
      throw invalid('invalid-timer-date', `Timer date "${timer.at}" is not a date.`);
    return at;
  }
  const duration = timer.after === undefined ? null : parseIsoDuration(timer.after);
  const millis = duration === null ? null : durationToMillis(duration);
  if (millis === null)
    throw invalid(
      'invalid-duration',
      `Timer duration "${timer.after}" is not an ISO-8601 duration in days, hours or minutes such as PT4H.`,
    );
  return timer.businessHours ? addBusinessTime(now, millis, calendar) : new Date(now.getTime() + millis);
}
