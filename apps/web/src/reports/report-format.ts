const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

type Unit = 'd' | 'h' | 'm' | 's';
const UNITS: [Unit, number][] = [
  ['d', DAY],
  ['h', HOUR],
  ['m', MINUTE],
  ['s', SECOND],
];
const ZH: Record<Unit, string> = { d: '天', h: '小时', m: '分', s: '秒' };

/**
 * A duration for people: the two largest units ("2d 4h", "1h 30m", "45s";
 * "2天4小时" in Chinese); "—" when there is nothing to show. Pure.
 */
export function formatDuration(ms: number | null | undefined, language = 'en'): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '—';
  const zh = language.startsWith('zh');
  if (ms < SECOND) return zh ? '<1秒' : '<1s';
  const first = UNITS.findIndex(([, size]) => ms >= size);
  const [unit, size] = UNITS[first]!;
  const count = Math.floor(ms / size);
  const label = (n: number, u: Unit) => (zh ? `${n}${ZH[u]}` : `${n}${u}`);
  const parts = [label(count, unit)];
  const next = UNITS[first + 1];
  if (next) {
    const rest = Math.floor((ms - count * size) / next[1]);
    if (rest > 0) parts.push(label(rest, next[0]));
  }
  return parts.join(zh ? '' : ' ');
}

/** A rate 0..1 as "66.7%"; "—" when unknown. Pure. */
export function formatPercent(rate: number | null | undefined): string {
  if (rate === null || rate === undefined) return '—';
  return `${(Math.round(rate * 1000) / 10).toString()}%`;
}

/** How long ago an ISO time was, as a duration. Pure. */
export function ageOf(iso: string | null, now = Date.now()): number | null {
  return iso ? Math.max(0, now - Date.parse(iso)) : null;
}
