/** Adds a value to a statement's parameters and returns its placeholder (with a cast when given). */
export type Param = (value: unknown, cast?: string) => string;

/**
 * One SQL statement made of data-modifying CTEs: every part runs exactly once,
 * all against the same snapshot, and the statement succeeds or fails whole —
 * so a step's rows go to the database in one round trip. Parts are written
 * with placeholders from `param`. Pure: builds text and values, runs nothing.
 *
 * A row must not be changed by two parts of one statement (PostgreSQL applies
 * only one of them); callers coalesce changes per row before adding parts.
 */
export class SqlBatch {
  private readonly parts: string[] = [];
  private readonly counted: { name: string; expect: number }[] = [];
  private readonly outputs: string[] = [];
  readonly values: unknown[] = [];

  readonly param: Param = (value, cast) => {
    this.values.push(value);
    return cast ? `$${this.values.length}::${cast}` : `$${this.values.length}`;
  };

  /** Adds a part (INSERT / UPDATE … RETURNING …) and returns its name for `expectRows` or `output`. */
  add(sql: string): string {
    const name = `w${this.parts.length}`;
    this.parts.push(`${name} AS (${sql})`);
    return name;
  }

  /** The statement fails its check (see `render`) unless part `name` returned exactly `count` rows. */
  expectRows(name: string, count: number): void {
    this.counted.push({ name, expect: count });
  }

  /** An extra column of the statement's one result row, e.g. `(SELECT number FROM w0) AS number`. */
  output(expression: string): void {
    this.outputs.push(expression);
  }

  get isEmpty(): boolean {
    return this.parts.length === 0;
  }

  /**
   * The statement: the parts, then one row with `checked` (true when every
   * `expectRows` held) and the outputs.
   */
  render(): { sql: string; values: unknown[] } {
    const checks = this.counted.map(({ name, expect }) => `(SELECT count(*) FROM ${name}) = ${expect}`);
    const columns = [`${checks.length > 0 ? checks.join(' AND ') : 'true'} AS checked`, ...this.outputs];
    const sql =
      this.parts.length > 0
        ? `WITH ${this.parts.join(',\n')}\nSELECT ${columns.join(', ')}`
        : `SELECT ${columns.join(', ')}`;
    return { sql, values: this.values };
  }
}

/** `(…), (…)` for a multi-row VALUES list, one placeholder per cell. Pure apart from adding parameters. */
export function valuesList(rows: unknown[][], param: Param, casts: (string | undefined)[] = []): string {
  return rows
    .map(
      (row) =>
        `(${row.map((cell, index) => (cell === SQL_NOW ? 'now()' : cell === SQL_CLOCK ? 'clock_timestamp()' : param(cell, casts[index]))).join(', ')})`,
    )
    .join(', ');
}

/** Stand-ins for a cell of `valuesList` that is the transaction's time or the wall clock. */
export const SQL_NOW = Symbol('now()');
export const SQL_CLOCK = Symbol('clock_timestamp()');
