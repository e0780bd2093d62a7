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
export const msBetween = (later: string, earlier: string) =>
  `(extract(epoch FROM (${later} - ${earlier})) * 1000)`;

/**
 * SQL: p50 and p90 (continuous, interpolated as percentile_cont does) in one
 * sort, as the array column `pcts`, and the mean as `avg`.
 */
export const percentilesSql = (expression: string, filter = '') => {
  const where = filter ? ` FILTER (WHERE ${filter})` : '';
  return `percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY ${expression})${where} AS pcts, avg(${expression})${where} AS avg`;
};

/** p50 and p90 in ms from a row's `pcts` array (see percentilesSql). Pure. */
export function percentilesOf(row: Record<string, unknown> | undefined): {
  p50: number | null;
  p90: number | null;
} {
  const values = Array.isArray(row?.pcts) ? (row.pcts as unknown[]) : [];
  return { p50: toMs(values[0]), p90: toMs(values[1]) };
}

/**
 * Settings for a report's own transaction: room to sort in memory (percentiles
 * sort every value), and no JIT — compiling costs more (~0.5 s measured) than
 * these queries take.
 */
export const REPORT_SESSION_SQL = [`SET LOCAL work_mem = '64MB'`, `SET LOCAL jit = off`];
