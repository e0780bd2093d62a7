import type { FieldDefinition } from '@ticketflow/definition';
import { invalid } from '../common/errors/domain-error.js';

/** One field value refused: the field's name, a stable code with its values, and the English sentence. */
export interface FieldProblem {
  field: string;
  code: string;
  params?: Record<string, string | number>;
  message: string;
}

type ValueProblem = Omit<FieldProblem, 'field' | 'message'> & { text: string };

const MAX_TEXT = 10_000;

/**
 * Checks ticket field values against the workflow's typed fields: unknown
 * names, wrong types, enum options, bounds and (unless `partial`) required
 * fields. Returns every problem; pure.
 */
export function checkFieldValues(
  definitions: FieldDefinition[],
  values: Record<string, unknown>,
  options: { partial?: boolean } = {},
): FieldProblem[] {
  const byName = new Map(definitions.map((field) => [field.name, field]));
  const problems: FieldProblem[] = [];
  for (const [name, value] of Object.entries(values)) {
    const field = byName.get(name);
    if (!field) {
      problems.push({
        field: name,
        code: 'unknown-field',
        params: { known: [...byName.keys()].join(', ') },
        message: `fields.${name} is not a field of this workflow (known: ${[...byName.keys()].join(', ') || 'none'})`,
      });
      continue;
    }
    if (value === null) continue;
    const problem = checkValue(field, value);
    if (problem) {
      const { text, ...coded } = problem;
      problems.push({ field: name, ...coded, message: `fields.${name} ${text}` });
    }
  }
  if (!options.partial) {
    for (const field of definitions) {
      const value = values[field.name];
      const empty =
        value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
      if (field.required && empty) {
        problems.push({
          field: field.name,
          code: 'required',
          message: `fields.${field.name} (${field.label ?? field.name}) is required`,
        });
      }
    }
  }
  return problems;
}

const MAX_LIST = 500;

/** A `users` field: a list of distinct user names. */
function checkUsers(value: unknown): ValueProblem | undefined {
  if (
    !Array.isArray(value) ||
    value.some((user) => typeof user !== 'string' || user.trim() === '' || user.length > 200)
  )
    return { code: 'users', text: 'must be a list of user names, such as ["ann", "bob"]' };
  if (value.length > MAX_LIST)
    return { code: 'max-items', params: { max: MAX_LIST }, text: `must list at most ${MAX_LIST} users` };
  return new Set(value).size === value.length
    ? undefined
    : { code: 'duplicate-user', text: 'lists the same user twice' };
}

/** A `list` field: items that are objects with only the declared item fields, each of its type. */
function checkList(field: FieldDefinition, value: unknown): ValueProblem | undefined {
  if (!Array.isArray(value)) return { code: 'list', text: 'must be a list of items' };
  if (value.length > MAX_LIST)
    return { code: 'max-items', params: { max: MAX_LIST }, text: `must have at most ${MAX_LIST} items` };
  const itemFields = new Map((field.itemFields ?? []).map((item) => [item.name, item]));
  for (const [index, item] of value.entries()) {
    if (item === null || typeof item !== 'object' || Array.isArray(item))
      return { code: 'list', text: `[${index}] must be an object` };
    for (const [name, itemValue] of Object.entries(item as Record<string, unknown>)) {
      const itemField = itemFields.get(name);
      if (!itemField)
        return {
          code: 'unknown-field',
          params: { known: [...itemFields.keys()].join(', ') },
          text: `[${index}].${name} is not a field of the items (known: ${[...itemFields.keys()].join(', ')})`,
        };
      if (itemValue === null) continue;
      const problem = checkValue({ ...itemField, name }, itemValue);
      if (problem) return { ...problem, text: `[${index}].${name} ${problem.text}` };
    }
  }
  return undefined;
}

function checkValue(field: FieldDefinition, value: unknown): ValueProblem | undefined {
  switch (field.type) {
    case 'users':
      return checkUsers(value);
    case 'list':
      return checkList(field, value);
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value))
        return { code: 'number', text: `must be a number, got ${JSON.stringify(value)?.slice(0, 40)}` };
      if (field.min !== undefined && value < field.min)
        return { code: 'min', params: { min: field.min }, text: `must be at least ${field.min}` };
      if (field.max !== undefined && value > field.max)
        return { code: 'max', params: { max: field.max }, text: `must be at most ${field.max}` };
      return undefined;
    case 'boolean':
      return typeof value === 'boolean' ? undefined : { code: 'boolean', text: 'must be true or false' };
    case 'date':
      return typeof value === 'string' && isCalendarDate(value)
        ? undefined
        : {
            code: 'date',
            text: 'must be a real calendar date in ISO form, such as 2026-11-24 or 2026-11-24T10:00:00Z',
          };
    case 'enum':
      return typeof value === 'string' && (field.options ?? []).includes(value)
        ? undefined
        : {
            code: 'one-of',
            params: { values: (field.options ?? []).join(', ') },
            text: `must be one of ${(field.options ?? []).join(', ')}`,
          };
    default:
      if (typeof value !== 'string') return { code: 'string', text: 'must be text' };
      return value.length > MAX_TEXT
        ? { code: 'max-length', params: { max: MAX_TEXT }, text: `must be at most ${MAX_TEXT} characters` }
        : undefined;
  }
}

/** Throws a 400 that lists every field problem (the message names the first ones). */
export function assertFieldValues(
  definitions: FieldDefinition[],
  values: Record<string, unknown>,
  options: { partial?: boolean } = {},
): void {
  const problems = checkFieldValues(definitions, values, options);
  if (problems.length > 0) {
    throw invalid('invalid-fields', problems.map((p) => p.message).join('; '), problems);
  }
}

const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * True for an ISO 8601 date (`2026-11-24`) or date-time whose day exists in
 * the calendar: `2026-02-30`, `0` and `1` are not dates, though `Date.parse`
 * accepts some of them. Pure.
 */
export function isCalendarDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day, hour = '0', minute = '0', second = '0'] = match.slice(1) as (string | undefined)[];
  const y = Number(year);
  const m = Number(month);
  const d = Number(day);
  const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return (
    m >= 1 &&
    m <= 12 &&
    d >= 1 &&
    d <= daysInMonth &&
    Number(hour) <= 23 &&
    Number(minute) <= 59 &&
    Number(second) <= 59
  );
}
