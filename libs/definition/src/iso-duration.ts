/** The parts of an ISO-8601 duration (`P1Y2M3W4DT5H6M7.5S`). */
export interface IsoDuration {
  years: number;
  months: number;
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

// Only the last given part may carry a fraction (ISO 8601); we allow a fraction on seconds only,
// which is all anyone writes in practice and keeps the arithmetic exact enough.
const DURATION =
  /^P(?!$)(?:(\d{1,6})Y)?(?:(\d{1,6})M)?(?:(\d{1,6})W)?(?:(\d{1,6})D)?(?:T(?!$)(?:(\d{1,6})H)?(?:(\d{1,6})M)?(?:(\d{1,6}(?:[.,]\d{1,3})?)S)?)?$/;

/**
 * Parses an ISO-8601 duration such as `PT48H`, `P2D`, `P1W` or `PT1M30.5S`; returns null
 * for anything else (including negative durations, an empty `P` or `PT`, and strings over
 * 64 characters). Each part has at most six digits, so parsing is linear and cheap. Pure.
 */
export function parseIsoDuration(text: string): IsoDuration | null {
  if (typeof text !== 'string' || text.length > 64) return null;
  const match = DURATION.exec(text);
  if (match === null) return null;
  const part = (index: number): number => {
    const raw = match[index];
    return raw === undefined ? 0 : Number(raw.replace(',', '.'));
  };
  return {
    years: part(1),
    months: part(2),
    weeks: part(3),
    days: part(4),
    hours: part(5),
    minutes: part(6),
    seconds: part(7),
  };
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * Converts a duration to milliseconds of calendar time: a day is 24 hours, a week 7 days.
 * Years and months have no fixed length, so a duration with either returns null — which is
 * why timeouts and timers must be written in weeks, days, hours, minutes or seconds
 * (`P30D`, not `P1M`). Business hours are the scheduler's concern, not this function's. Pure.
 */
export function durationToMillis(duration: IsoDuration | string): number | null {
  const parts = typeof duration === 'string' ? parseIsoDuration(duration) : duration;
  if (parts === null || parts.years !== 0 || parts.months !== 0) return null;
  return Math.round(
    parts.weeks * 7 * DAY +
      parts.days * DAY +
      parts.hours * HOUR +
      parts.minutes * MINUTE +
      parts.seconds * SECOND,
  );
}

/**
 * Why `text` cannot be used as a timeout or timer duration, or null when it can: it must
 * parse, use no years or months, and be longer than zero. Pure.
 */
export function explainDurationProblem(text: unknown): string | null {
  if (typeof text !== 'string') return 'must be an ISO-8601 duration such as "PT4H" or "P2D"';
  const parts = parseIsoDuration(text);
  if (parts === null)
    return 'is not an ISO-8601 duration; write it like "PT4H" (4 hours), "P2D" (2 days) or "PT30M"';
  if (parts.years !== 0 || parts.months !== 0)
    return 'uses years or months, which have no fixed length; use days or weeks instead (e.g. "P30D")';
  if (durationToMillis(parts) === 0) return 'is zero; give a duration longer than zero';
  return null;
}
