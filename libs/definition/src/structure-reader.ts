import { kindOf, type ProblemSink } from './problem-sink.js';

/** Where a structural check is looking: for problem places and message subjects. */
export interface Where {
  /** JSON Pointer of the object being read. */
  path: string;
  /** Property path of that object relative to its node or edge (`timeout`), '' at the top. */
  field: string;
  /** How messages name the owner: `Approval "Finance approval"`, `Edge "e3"`, `The workflow`. */
  subject: string;
  nodeId?: string;
  edgeId?: string;
}

export type JsonKind = 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array';

const EXPECTED: Record<JsonKind, string> = {
  string: 'text',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
};

/** A plain JSON object (not null, not a list). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads an own property only, so `__proto__` or `constructor` keys never reach the prototype. */
export function own(record: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

function escapePointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** The place of a property of the object at `where`, for problem reports. */
export function placeOf(
  where: Where,
  key?: string,
): { path: string; field?: string; nodeId?: string; edgeId?: string } {
  const path = key === undefined ? where.path : `${where.path}/${escapePointer(key)}`;
  const field = key === undefined ? where.field : where.field === '' ? key : `${where.field}.${key}`;
  const place: { path: string; field?: string; nodeId?: string; edgeId?: string } = { path };
  if (field !== '') place.field = field;
  if (where.nodeId !== undefined) place.nodeId = where.nodeId;
  if (where.edgeId !== undefined) place.edgeId = where.edgeId;
  return place;
}

/** The `Where` of a nested object property. */
export function inside(where: Where, key: string): Where {
  const place = placeOf(where, key);
  return { ...where, path: place.path, field: place.field ?? '' };
}

function fits(value: unknown, kind: JsonKind): boolean {
  switch (kind) {
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'integer':
      return Number.isSafeInteger(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'object':
      return isRecord(value);
    case 'array':
      return Array.isArray(value);
  }
}

/**
 * Checks that `record[key]` has the JSON kind expected, reporting `missing-property` or
 * `invalid-type`. Returns true when the property is present and fits.
 */
export function expectKind(
  sink: ProblemSink,
  record: Record<string, unknown>,
  key: string,
  kind: JsonKind,
  where: Where,
  required: boolean,
): boolean {
  const place = placeOf(where, key);
  const name = place.field ?? key;
  if (!Object.hasOwn(record, key) || record[key] === undefined) {
    if (required)
      sink.add('missing-property', `${where.subject} needs "${name}" (${EXPECTED[kind]}).`, place);
    return false;
  }
  const value = record[key];
  if (fits(value, kind)) return true;
  sink.add(
    'invalid-type',
    `${where.subject}: "${name}" must be ${EXPECTED[kind]}, not ${kindOf(value)}.`,
    place,
  );
  return false;
}

/** Reports `invalid-value` unless `record[key]` (when present) is one of `allowed`. */
export function expectOneOf(
  sink: ProblemSink,
  record: Record<string, unknown>,
  key: string,
  allowed: readonly string[],
  where: Where,
): void {
  const value = own(record, key);
  if (value === undefined || (typeof value === 'string' && allowed.includes(value))) return;
  const place = placeOf(where, key);
  const shown = typeof value === 'string' ? `"${value.slice(0, 40)}"` : kindOf(value);
  sink.add(
    'invalid-value',
    `${where.subject}: "${place.field ?? key}" is ${shown}; use one of ${allowed.join(', ')}.`,
    place,
  );
}

/** Reports `unknown-property` for keys outside `allowed`; keys starting with `x-` are extensions and always allowed. */
export function expectKnownKeys(
  sink: ProblemSink,
  record: Record<string, unknown>,
  allowed: readonly string[],
  where: Where,
): void {
  for (const key of Object.keys(record)) {
    if (allowed.includes(key) || key.startsWith('x-')) continue;
    const place = placeOf(where, key);
    sink.add(
      'unknown-property',
      `${where.subject} has an unknown property "${(place.field ?? key).slice(0, 60)}"; remove it (or name it "x-..." if it is yours).`,
      place,
    );
  }
}

/** Checks a list of strings (each entry text, optionally non-empty and at least `min` entries). */
export function expectStringList(
  sink: ProblemSink,
  record: Record<string, unknown>,
  key: string,
  where: Where,
  options: { required: boolean; min: number },
): string[] | undefined {
  if (!expectKind(sink, record, key, 'array', where, options.required)) return undefined;
  const list = record[key] as unknown[];
  const place = placeOf(where, key);
  const bad = list.findIndex((entry) => typeof entry !== 'string' || entry.trim() === '');
  if (bad >= 0) {
    sink.add(
      'invalid-type',
      `${where.subject}: every entry of "${place.field ?? key}" must be non-empty text (entry ${bad + 1} is not).`,
      place,
    );
    return undefined;
  }
  if (list.length < options.min) {
    sink.add(
      'invalid-value',
      `${where.subject}: "${place.field ?? key}" needs at least ${options.min} entr${options.min === 1 ? 'y' : 'ies'}.`,
      place,
    );
    return undefined;
  }
  return list as string[];
}
