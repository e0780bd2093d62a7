import { parse } from 'csv-parse/sync';
import { badDirectoryName, normaliseNames, type OrganisationPatch } from './organisation-changes.js';

/** Columns an import may have; only `username` is required, and only the columns present are changed. */
export const ORGANISATION_COLUMNS = ['username', 'manager', 'groups', 'regions', 'skills'] as const;
export const MAX_IMPORT_ROWS = 5000;

/** One thing wrong with the file: its line (1 is the header), the user it is about, the column, why. */
export interface ImportRowError {
  line: number;
  username: string | null;
  field: string;
  message: string;
}

export interface ImportRow {
  line: number;
  username: string;
  patch: OrganisationPatch;
}

const LIST_COLUMNS = ['groups', 'regions', 'skills'] as const;

/**
 * Reads an organisation CSV (header row, then one user per row; lists inside
 * a cell separated by `;`, an empty cell clears) into patches, with every
 * problem the file itself has, by line. Whether the users and managers exist
 * is the caller's to check. Pure.
 */
export function readOrganisationCsv(text: string): { rows: ImportRow[]; errors: ImportRowError[] } {
  let records: string[][];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, trim: true, relax_column_count: true });
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    return {
      rows: [],
      errors: [{ line, username: null, field: 'csv', message: `not valid CSV: ${(error as Error).message}` }],
    };
  }
  const [header, ...body] = records;
  if (!header)
    return { rows: [], errors: [{ line: 1, username: null, field: 'csv', message: 'the file is empty' }] };
  const columns = header.map((name) => name.toLowerCase());
  const errors: ImportRowError[] = [];
  const unknown = columns.filter((name) => !(ORGANISATION_COLUMNS as readonly string[]).includes(name));
  if (unknown.length > 0 || !columns.includes('username') || new Set(columns).size !== columns.length) {
    const message =
      unknown.length > 0
        ? `unknown column ${unknown.map((name) => `"${name.slice(0, 40)}"`).join(', ')}; the columns are ${ORGANISATION_COLUMNS.join(', ')}`
        : !columns.includes('username')
          ? 'the header needs a "username" column'
          : 'a column appears twice in the header';
    return { rows: [], errors: [{ line: 1, username: null, field: 'header', message }] };
  }
  if (body.length > MAX_IMPORT_ROWS)
    return {
      rows: [],
      errors: [
        {
          line: 1,
          username: null,
          field: 'csv',
          message: `more than ${MAX_IMPORT_ROWS} rows; split the file`,
        },
      ],
    };
  const rows: ImportRow[] = [];
  const seen = new Map<string, number>();
  body.forEach((cells, index) => {
    const line = index + 2;
    const cell = (name: string) => cells[columns.indexOf(name)];
    const username = cell('username') ?? '';
    const fail = (field: string, message: string) =>
      errors.push({ line, username: username || null, field, message });
    if (cells.length !== columns.length)
      fail('csv', `has ${cells.length} cells; the header has ${columns.length}`);
    if (!username) return fail('username', 'is empty');
    const earlier = seen.get(username);
    if (earlier !== undefined) fail('username', `"${username}" is already on line ${earlier}`);
    seen.set(username, line);
    const patch: OrganisationPatch = {};
    if (columns.includes('manager')) patch.manager = cell('manager') || null;
    for (const name of LIST_COLUMNS) {
      if (!columns.includes(name)) continue;
      const values = normaliseNames((cell(name) ?? '').split(';').filter((value) => value.trim() !== ''));
      const bad = badDirectoryName(values);
      if (bad !== undefined)
        fail(name, `"${bad.slice(0, 40)}" is not a name (letters, digits, space, _ . - /)`);
      patch[name] = values;
    }
    rows.push({ line, username, patch });
  });
  return { rows, errors };
}
