/** Something that runs SQL: a DataSource or a transaction's EntityManager. */
export interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

/** A count or sum from PostgreSQL (bigint and numeric arrive as text) as a number; null stays null. Pure. */
export function toNumber(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  const number = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(number) ? number : null;
}

/** A count: never null. Pure. */
export const toCount = (value: unknown): number => toNumber(value) ?? 0;

/** A duration in whole milliseconds, or null when there was nothing to measure. Pure. */
export function toMs(value: unknown): number | null {
  const number = toNumber(value);
  return number === null ? null : Math.round(number);
}

/** part / whole rounded to 4 decimals, or null when whole is 0. Pure. */
export function ratio(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null;
}

/** `timestamptz` as an ISO string (or null). Pure. */
export function toIso(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return (value instanceof Date ? value : new Date(String(value))).toISOString();
}

/** SQL: milliseconds between two timestamptz expressions. */
export const msBetween = (later: string, earlier: string) => `(extract(epoch FROM (${later} - ${earlier})) * 1000)`;

/** SQL: p50 and p90 (continuous, interpolated as percentile_cont does) and the mean of an expression. */
export const percentilesSql = (expression: string, filter = '') => {
  const where = filter ? ` FILTER (WHERE ${filter})` : '';
  return `percentile_cont(0.5) WITHIN GROUP (ORDER BY ${expression})${where} AS p50,
          percentile_cont(0.9) WITHIN GROUP (ORDER BY ${expression})${where} AS p90,
          avg(${expression})${where} AS avg`;
};
