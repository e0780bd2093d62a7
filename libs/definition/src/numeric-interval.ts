/** A set of numbers `lo .. hi`; open ends exclude the bound. Infinite bounds are always open. */
export interface NumericInterval {
  lo: number;
  loOpen: boolean;
  hi: number;
  hiOpen: boolean;
}

export const ALL_NUMBERS: NumericInterval = { lo: -Infinity, loOpen: true, hi: Infinity, hiOpen: true };

/** The interval a single comparison admits, or null for operators that do not form one. Pure. */
export function intervalOf(operator: string, value: number): NumericInterval | null {
  switch (operator) {
    case 'equal':
      return { lo: value, loOpen: false, hi: value, hiOpen: false };
    case 'greaterThan':
      return { lo: value, loOpen: true, hi: Infinity, hiOpen: true };
    case 'greaterThanInclusive':
      return { lo: value, loOpen: false, hi: Infinity, hiOpen: true };
    case 'lessThan':
      return { lo: -Infinity, loOpen: true, hi: value, hiOpen: true };
    case 'lessThanInclusive':
      return { lo: -Infinity, loOpen: true, hi: value, hiOpen: false };
    default:
      return null;
  }
}

/** The values in both intervals (possibly empty). Pure. */
export function intersect(a: NumericInterval, b: NumericInterval): NumericInterval {
  const lo = a.lo > b.lo ? a : a.lo < b.lo ? b : { lo: a.lo, loOpen: a.loOpen || b.loOpen };
  const hi = a.hi < b.hi ? a : a.hi > b.hi ? b : { hi: a.hi, hiOpen: a.hiOpen || b.hiOpen };
  return { lo: lo.lo, loOpen: lo.loOpen, hi: hi.hi, hiOpen: hi.hiOpen };
}

/** True when no number lies in the interval. Pure. */
export function isEmpty(interval: NumericInterval): boolean {
  return interval.lo > interval.hi || (interval.lo === interval.hi && (interval.loOpen || interval.hiOpen));
}

/**
 * The parts of `domain` that none of `covered` contains, in ascending order. Treats
 * numbers as real numbers (a gap between `< 5` and `> 5` is the single value 5). Pure.
 */
export function uncovered(covered: readonly NumericInterval[], domain: NumericInterval): NumericInterval[] {
  const parts = covered
    .map((interval) => intersect(interval, domain))
    .filter((interval) => !isEmpty(interval))
    .sort((a, b) => a.lo - b.lo || Number(a.loOpen) - Number(b.loOpen));
  const gaps: NumericInterval[] = [];
  // Everything below `cursor.at` is covered or outside the domain; `open` says `at` itself is too.
  let cursor = { at: domain.lo, open: domain.loOpen };
  for (const part of parts) {
    const gap: NumericInterval = { lo: cursor.at, loOpen: cursor.open, hi: part.lo, hiOpen: !part.loOpen };
    if (!isEmpty(gap)) gaps.push(gap);
    if (part.hi > cursor.at) cursor = { at: part.hi, open: !part.hiOpen };
    else if (part.hi === cursor.at && !part.hiOpen) cursor = { at: part.hi, open: true };
  }
  const tail: NumericInterval = { lo: cursor.at, loOpen: cursor.open, hi: domain.hi, hiOpen: domain.hiOpen };
  if (!isEmpty(tail)) gaps.push(tail);
  return gaps;
}

/** Writes an interval as a process owner reads it: `refundAmount > 5000`, `1000 <= refundAmount < 2000`. Pure. */
export function formatInterval(name: string, interval: NumericInterval): string {
  const { lo, loOpen, hi, hiOpen } = interval;
  if (lo === -Infinity && hi === Infinity) return `any ${name}`;
  if (lo === hi) return `${name} = ${lo}`;
  if (lo === -Infinity) return `${name} ${hiOpen ? '<' : '<='} ${hi}`;
  if (hi === Infinity) return `${name} ${loOpen ? '>' : '>='} ${lo}`;
  return `${lo} ${loOpen ? '<' : '<='} ${name} ${hiOpen ? '<' : '<='} ${hi}`;
}
