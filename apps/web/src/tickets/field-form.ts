import type { FieldDefinition, FieldValues } from '@ticketflow/definition';

/** What the user typed, per field: text for inputs, booleans for checkboxes. */
export type RawValues = Record<string, string | boolean | undefined>;

/** A validation message as an i18n key with its parameters. */
export interface FieldError {
  key: 'required' | 'number' | 'min' | 'max' | 'option' | 'date' | 'tooLong' | 'server';
  params?: Record<string, string | number>;
}

const MAX_TEXT = 10_000;

/**
 * Turns typed input into typed field values and per-field errors, checking
 * what the server checks (required, number, bounds, enum options, dates).
 * Empty optional fields are left out. `requiredOverride` lists fields a task
 * form requires although the workflow does not. Pure.
 */
export function readFieldValues(
  fields: readonly FieldDefinition[],
  raw: RawValues,
  requiredOverride: ReadonlySet<string> = new Set(),
): { values: FieldValues; errors: Record<string, FieldError> } {
  const values: FieldValues = {};
  const errors: Record<string, FieldError> = {};
  for (const field of fields) {
    const input = raw[field.name];
    const required = Boolean(field.required) || requiredOverride.has(field.name);
    if (field.type === 'boolean') {
      if (typeof input === 'boolean') values[field.name] = input;
      else if (input === 'true' || input === 'false') values[field.name] = input === 'true';
      else if (required) errors[field.name] = { key: 'required' };
      continue;
    }
    const text = typeof input === 'string' ? input.trim() : '';
    if (text === '') {
      if (required) errors[field.name] = { key: 'required' };
      continue;
    }
    if (field.type === 'users' || field.type === 'list') {
      const read = field.type === 'users' ? readUsers(text) : readItems(field, text);
      if ('error' in read) errors[field.name] = read.error;
      else if (read.value.length === 0) {
        if (required) errors[field.name] = { key: 'required' };
      } else values[field.name] = read.value;
      continue;
    }
    const error = checkText(field, text);
    if (error) errors[field.name] = error;
    else values[field.name] = field.type === 'number' ? Number(text.replace(/,/g, '')) : text;
  }
  return { values, errors };
}

/** User names separated by commas, semicolons or spaces (also the Chinese comma and enumeration mark). */
function readUsers(text: string): { value: string[] } | { error: FieldError } {
  return { value: [...new Set(text.split(/[\s,;，、]+/).filter((name) => name !== ''))] };
}

/** The list editor keeps its rows as JSON text: item values typed by the list's item fields, empty ones left out. */
function readItems(
  field: FieldDefinition,
  text: string,
): { value: Record<string, unknown>[] } | { error: FieldError } {
  let rows: unknown;
  try {
    rows = JSON.parse(text);
  } catch {
    return { value: [] }; // only the list editor writes this text, and it always writes JSON
  }
  if (!Array.isArray(rows)) return { value: [] };
  const items: Record<string, unknown>[] = [];
  for (const row of rows as Record<string, string>[]) {
    const item: Record<string, unknown> = {};
    for (const itemField of field.itemFields ?? []) {
      const raw = typeof row[itemField.name] === 'string' ? row[itemField.name]!.trim() : '';
      if (raw === '') continue;
      const error = checkText({ ...itemField }, raw);
      if (error) return { error };
      item[itemField.name] =
        itemField.type === 'number'
          ? Number(raw.replace(/,/g, ''))
          : itemField.type === 'boolean'
            ? raw === 'true'
            : raw;
    }
    if (Object.keys(item).length > 0) items.push(item);
  }
  return { value: items };
}

function checkText(field: FieldDefinition, text: string): FieldError | undefined {
  switch (field.type) {
    case 'number': {
      const n = Number(text.replace(/,/g, ''));
      if (!/^-?[\d,]*\.?\d+(e-?\d+)?$/i.test(text) || !Number.isFinite(n)) return { key: 'number' };
      if (field.min !== undefined && n < field.min) return { key: 'min', params: { min: field.min } };
      if (field.max !== undefined && n > field.max) return { key: 'max', params: { max: field.max } };
      return undefined;
    }
    case 'enum':
      return (field.options ?? []).includes(text)
        ? undefined
        : { key: 'option', params: { options: (field.options ?? []).join(', ') } };
    case 'date':
      return /^\d{4}-\d{2}-\d{2}/.test(text) && !Number.isNaN(Date.parse(text)) ? undefined : { key: 'date' };
    default:
      return text.length > MAX_TEXT ? { key: 'tooLong', params: { max: MAX_TEXT } } : undefined;
  }
}

/**
 * The server's 400 `details` as messages per field: each entry is
 * `{ field, code, params?, message }` (`fields.x` or `title`); with `say`, the
 * code and values are put in the user's language, else the server's message
 * is kept. Pure apart from calling `say`.
 */
export function serverFieldErrors(
  details: unknown,
  say?: (problem: { code: string; params?: Record<string, string | number>; message?: string }) => string,
): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!Array.isArray(details)) return errors;
  for (const entry of details as {
    field?: unknown;
    message?: unknown;
    problems?: unknown;
    code?: unknown;
  }[]) {
    if (typeof entry?.field !== 'string') continue;
    const name = entry.field.replace(/^fields\./, '');
    const message =
      say && typeof entry.code === 'string'
        ? say(entry as { code: string; message?: string })
        : typeof entry.message === 'string'
          ? entry.message
          : Array.isArray(entry.problems)
            ? entry.problems.join('; ')
            : undefined;
    if (message) errors[name] = errors[name] ? `${errors[name]}; ${message}` : message;
  }
  return errors;
}
