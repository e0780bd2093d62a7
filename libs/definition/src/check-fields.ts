import type { FieldType, ItemFieldType } from './definition.types.js';
import { kindOf, type ProblemSink } from './problem-sink.js';
import {
  expectKind,
  expectKnownKeys,
  expectOneOf,
  inside,
  isRecord,
  own,
  placeOf,
  type Where,
} from './structure-reader.js';

/** Field names are identifiers, so conditions and `{{fields.name}}` placeholders can name them. */
export const FIELD_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/** Names that would reach a prototype when a ticket's field values are set by name. */
const RESERVED_FIELD_NAMES = new Set(['__proto__', 'constructor', 'prototype']);

export const FIELD_TYPES: readonly FieldType[] = [
  'string',
  'text',
  'number',
  'boolean',
  'date',
  'enum',
  'users',
  'list',
];

/** What the fields of a list's items may be: the scalar types. */
export const ITEM_FIELD_TYPES: readonly ItemFieldType[] = [
  'string',
  'text',
  'number',
  'boolean',
  'date',
  'enum',
];

const FIELD_KEYS = ['name', 'type', 'label', 'required', 'options', 'min', 'max', 'itemFields'];

function checkItemFields(sink: ProblemSink, field: Record<string, unknown>, where: Where): void {
  const items = own(field, 'itemFields');
  if (own(field, 'type') !== 'list') {
    if (items !== undefined)
      sink.add(
        'invalid-field',
        `${where.subject}: only list fields have "itemFields"; remove them or make the field a list.`,
        placeOf(where, 'itemFields'),
      );
    return;
  }
  if (!Array.isArray(items) || items.length === 0) {
    sink.add(
      'invalid-field',
      `${where.subject} is a list and needs "itemFields": the fields of each item, such as [{ "name": "sku", "type": "string" }, { "name": "amount", "type": "number" }].`,
      placeOf(where, 'itemFields'),
    );
    return;
  }
  const names = new Set<string>();
  items.forEach((item: unknown, index) => {
    const at = inside(inside(where, 'itemFields'), String(index));
    const subject = { ...at, subject: `${where.subject}, item field ${index + 1}` };
    if (!isRecord(item)) {
      sink.add('invalid-field', `${subject.subject} must be an object { "name", "type" }.`, placeOf(at));
      return;
    }
    expectKnownKeys(sink, item, ['name', 'type', 'label', 'options'], subject);
    const name = own(item, 'name');
    if (typeof name !== 'string' || !FIELD_NAME_PATTERN.test(name) || RESERVED_FIELD_NAMES.has(name)) {
      sink.add(
        'invalid-field',
        `${subject.subject}: "name" must start with a letter or "_" and use only letters, digits and "_".`,
        placeOf(at, 'name'),
      );
    } else if (names.has(name)) {
      sink.add(
        'invalid-field',
        `${where.subject} has two item fields named "${name}"; rename one.`,
        placeOf(at, 'name'),
      );
    } else names.add(name);
    if (expectKind(sink, item, 'type', 'string', subject, true))
      expectOneOf(sink, item, 'type', ITEM_FIELD_TYPES, subject);
    expectKind(sink, item, 'label', 'string', subject, false);
    checkOptions(sink, item, subject);
  });
}

function checkOptions(sink: ProblemSink, field: Record<string, unknown>, where: Where): void {
  const options = own(field, 'options');
  const type = own(field, 'type');
  if (type !== 'enum') {
    if (options !== undefined)
      sink.add(
        'invalid-field',
        `${where.subject}: only enum fields have "options"; remove them or make the field an enum.`,
        placeOf(where, 'options'),
      );
    return;
  }
  if (!Array.isArray(options) || options.length === 0) {
    sink.add(
      'invalid-field',
      `${where.subject} is an enum and needs "options": a non-empty list of the allowed values.`,
      placeOf(where, 'options'),
    );
    return;
  }
  const seen = new Set<string>();
  for (const option of options) {
    if (typeof option !== 'string' || option === '') {
      sink.add(
        'invalid-field',
        `${where.subject}: every option must be non-empty text, not ${kindOf(option)}.`,
        placeOf(where, 'options'),
      );
      return;
    }
    if (seen.has(option)) {
      sink.add(
        'invalid-field',
        `${where.subject} lists the option "${option.slice(0, 40)}" twice; list each option once.`,
        placeOf(where, 'options'),
      );
      return;
    }
    seen.add(option);
  }
}

function checkBounds(sink: ProblemSink, field: Record<string, unknown>, where: Where): void {
  const hasMin = expectKind(sink, field, 'min', 'number', where, false);
  const hasMax = expectKind(sink, field, 'max', 'number', where, false);
  if ((hasMin || hasMax) && own(field, 'type') !== 'number') {
    sink.add(
      'invalid-field',
      `${where.subject}: only number fields have "min" / "max".`,
      placeOf(where, hasMin ? 'min' : 'max'),
    );
  } else if (hasMin && hasMax && (field.min as number) > (field.max as number)) {
    sink.add(
      'invalid-field',
      `${where.subject}: "min" (${String(field.min)}) is larger than "max" (${String(field.max)}); swap them.`,
      placeOf(where, 'min'),
    );
  }
}

/**
 * Checks one entry of `fields`: an object with an identifier `name`, a known `type`,
 * `options` exactly for enums and `min`/`max` only for numbers. Returns the field's name
 * when it is usable (for the duplicate check), else undefined. Pure apart from `sink`.
 */
export function checkFieldDefinition(sink: ProblemSink, field: unknown, index: number): string | undefined {
  const path = `/fields/${index}`;
  if (!isRecord(field)) {
    sink.add('invalid-type', `Field ${index + 1} must be an object, not ${kindOf(field)}.`, { path });
    return undefined;
  }
  const rawName = own(field, 'name');
  const where: Where = {
    path,
    field: '',
    subject: typeof rawName === 'string' ? `Field "${rawName.slice(0, 60)}"` : `Field ${index + 1}`,
  };
  expectKnownKeys(sink, field, FIELD_KEYS, where);
  let name: string | undefined;
  if (expectKind(sink, field, 'name', 'string', where, true)) {
    name = field.name as string;
    if (!FIELD_NAME_PATTERN.test(name)) {
      sink.add(
        'invalid-field',
        `Field name "${name.slice(0, 60)}" must start with a letter or "_" and use only letters, digits and "_" (e.g. "refundAmount").`,
        placeOf(where, 'name'),
      );
      name = undefined;
    } else if (RESERVED_FIELD_NAMES.has(name)) {
      sink.add(
        'invalid-field',
        `Field name "${name}" is reserved (it would reach JavaScript's object prototype); choose another name.`,
        placeOf(where, 'name'),
      );
      name = undefined;
    }
  }
  if (expectKind(sink, field, 'type', 'string', where, true))
    expectOneOf(sink, field, 'type', FIELD_TYPES, where);
  expectKind(sink, field, 'label', 'string', where, false);
  expectKind(sink, field, 'required', 'boolean', where, false);
  checkOptions(sink, field, where);
  checkBounds(sink, field, where);
  checkItemFields(sink, field, where);
  return name;
}
