/** Unit suffixes for a countdown, from the current language (`d h m s` or `天 小时 分 秒`). */
export interface CountdownUnits {
  d: string;
  h: string;
  m: string;
  s: string;
}

export type CountdownLevel = 'overdue' | 'urgent' | 'soon' | 'ok';

export interface Countdown {
  /** Two largest units of the time left (or past due): `1d 4h`, `3h 05m`, `4m 09s`. */
  text: string;
  level: CountdownLevel;
  overdue: boolean;
}

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Formats the time between `now` and `dueAt` for an SLA badge. Levels:
 * overdue (past due), urgent (under 1 hour), soon (under 8 hours), ok. Pure.
 */
export function formatCountdown(dueAt: string | number, now: number, units: CountdownUnits): Countdown {
  const due = typeof dueAt === 'number' ? dueAt : Date.parse(dueAt);
  const diff = due - now;
  const overdue = diff <= 0;
  const left = Math.abs(diff);
  const d = Math.floor(left / D);
  const h = Math.floor((left % D) / H);
  const m = Math.floor((left % H) / M);
  const s = Math.floor((left % M) / S);
  let text: string;
  if (d > 0) text = `${d}${units.d} ${h}${units.h}`;
  else if (h > 0) text = `${h}${units.h} ${pad(m)}${units.m}`;
  else text = `${m}${units.m} ${pad(s)}${units.s}`;
  const level: CountdownLevel = overdue ? 'overdue' : diff < H ? 'urgent' : diff < 8 * H ? 'soon' : 'ok';
  return { text, level, overdue };
}
