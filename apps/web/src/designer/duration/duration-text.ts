/**
 * Durations as people type them ("4 hours", "2 business days", "1 day 6 hours",
 * "90 min", "3 个工作日") <-> what the definition stores: an ISO-8601 duration
 * (`PT4H`, `P2D`) and a businessHours flag. Pure.
 */

export interface DurationParts {
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

export interface ParsedDuration {
  after: string;
  businessHours: boolean;
}

type Unit = keyof DurationParts;

const UNIT_WORDS: [RegExp, Unit][] = [
  [/^(w|wk|wks|week|weeks|周|星期)$/, 'weeks'],
  [/^(d|day|days|天|日|工作日)$/, 'days'],
  [/^(h|hr|hrs|hour|hours|小时|个小时|工作小时)$/, 'hours'],
  [/^(m|min|mins|minute|minutes|分钟|分)$/, 'minutes'],
  [/^(s|sec|secs|second|seconds|秒)$/, 'seconds'],
];

const ISO = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

/** `PT4H` -> parts; null if it is not a duration in weeks/days/hours/minutes/seconds. */
export function partsFromIso(iso: string): DurationParts | null {
  const m = ISO.exec(iso.trim().toUpperCase());
  if (!m || iso.trim().toUpperCase() === 'P' || /T$/.test(iso.trim())) return null;
  const [, w, d, h, min, s] = m;
  const parts = { weeks: num(w), days: num(d), hours: num(h), minutes: num(min), seconds: num(s) };
  return Object.values(parts).some((v) => v > 0) ? parts : null;
}

/** Parts -> `P1DT4H`; zero parts are left out. */
export function isoFromParts(p: DurationParts): string {
  const date = `${p.weeks ? `${p.weeks}W` : ''}${p.days ? `${p.days}D` : ''}`;
  const time = `${p.hours ? `${p.hours}H` : ''}${p.minutes ? `${p.minutes}M` : ''}${p.seconds ? `${p.seconds}S` : ''}`;
  return `P${date}${time ? `T${time}` : ''}`;
}

/**
 * "2 business days" -> `{ after: 'P2D', businessHours: true }`. Accepts several
 * number+unit pairs, English or Chinese unit words, and raw ISO (`PT4H`). Returns
 * null for anything else (including zero).
 */
export function parseDurationText(text: string): ParsedDuration | null {
  const raw = text.trim().toLowerCase();
  if (!raw) return null;
  const iso = partsFromIso(raw);
  if (iso) return { after: isoFromParts(iso), businessHours: false };

  const businessHours = /\b(business|working)\b|工作/.test(raw);
  const cleaned = raw
    .replace(/\b(business|working)\b/g, ' ')
    .replace(/\band\b|,|个/g, ' ')
    .replace(/(\d)\s*([a-z\u4e00-\u9fff])/g, '$1 $2')
    .replace(/([a-z\u4e00-\u9fff])(\d)/g, '$1 $2')
    .trim();
  const tokens = cleaned.split(/\s+/).filter(Boolean);
  if (tokens.length === 0 || tokens.length % 2 !== 0) return null;

  const parts: DurationParts = { weeks: 0, days: 0, hours: 0, minutes: 0, seconds: 0 };
  for (let i = 0; i < tokens.length; i += 2) {
    const amount = tokens[i]!;
    const word = tokens[i + 1]!.replace(/^工作/, '') || '日';
    if (!/^\d+$/.test(amount)) return null;
    const unit = UNIT_WORDS.find(([re]) => re.test(word))?.[1];
    if (!unit) return null;
    parts[unit] += Number(amount);
  }
  if (!Object.values(parts).some((v) => v > 0)) return null;
  return { after: isoFromParts(parts), businessHours };
}

const EN_UNITS: Record<Unit, [string, string]> = {
  weeks: ['week', 'weeks'],
  days: ['day', 'days'],
  hours: ['hour', 'hours'],
  minutes: ['minute', 'minutes'],
  seconds: ['second', 'seconds'],
};
const ZH_UNITS: Record<Unit, string> = {
  weeks: '周',
  days: '天',
  hours: '小时',
  minutes: '分钟',
  seconds: '秒',
};

/**
 * `('P2D', true)` -> "2 business days" (or "2 个工作日" for zh). Falls back to the ISO
 * text if it cannot be read, so nothing the user stored is hidden.
 */
export function formatDuration(after: string, businessHours = false, lang = 'en'): string {
  const parts = partsFromIso(after);
  if (!parts) return after;
  const units = (Object.keys(EN_UNITS) as Unit[]).filter((u) => parts[u] > 0);
  if (lang.startsWith('zh')) {
    return units
      .map(
        (u) =>
          `${parts[u]} 个${businessHours ? (u === 'days' ? '工作日' : `工作${ZH_UNITS[u]}`) : ZH_UNITS[u]}`,
      )
      .join(' ')
      .replace(/ 个(天|周|分钟|秒)/g, ' $1');
  }
  return units
    .map((u, i) => {
      const [one, many] = EN_UNITS[u];
      return `${parts[u]} ${businessHours && i === 0 ? 'business ' : ''}${parts[u] === 1 ? one : many}`;
    })
    .join(' ');
}

function num(v: string | undefined): number {
  return v ? Number(v) : 0;
}

/** A parsed duration as the definition's `timeout` shape (no businessHours key when false). */
export function asTimeout(d: ParsedDuration): { after: string; businessHours?: true } {
  return d.businessHours ? { after: d.after, businessHours: true } : { after: d.after };
}
