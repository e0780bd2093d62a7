import { Type, type TProperties, type TSchema } from '@sinclair/typebox';

/**
 * An object that has exactly these properties: an answer with any other field breaks the
 * contract (the API's contract test rejects it). Pure.
 */
export function Closed<T extends TProperties>(properties: T, description?: string) {
  return Type.Object(properties, {
    additionalProperties: false,
    ...(description === undefined ? {} : { description }),
  });
}

/** The value or `null`. Pure. */
export function Nullable<T extends TSchema>(schema: T) {
  return Type.Union([schema, Type.Null()]);
}

/** An ISO 8601 instant as JSON carries it (`2026-12-06T06:42:56.198Z`). Pure. */
export function Timestamp(description?: string) {
  return Type.String({ format: 'date-time', ...(description === undefined ? {} : { description }) });
}

/** A UUID (ids of tickets, tasks, users, rules…). Pure. */
export function Uuid(description?: string) {
  return Type.String({ format: 'uuid', ...(description === undefined ? {} : { description }) });
}

/** An object whose keys are free (field values, mappings); the values as given. Pure. */
export function OpenRecord<T extends TSchema>(values: T, description?: string) {
  return Type.Record(Type.String(), values, description === undefined ? {} : { description });
}

/**
 * A value typed by a pure lib (a workflow definition, a problem, a condition) and checked by that lib
 * where it is written; the contract types it exactly and describes it as a JSON object. Pure.
 */
export function Described<T>(description: string) {
  return Type.Unsafe<T>({ type: 'object', description });
}

/** One of these strings (an OpenAPI `enum`). Pure. */
export function OneOf<const T extends readonly string[]>(values: T, description?: string) {
  return Type.Unsafe<T[number]>({
    type: 'string',
    enum: [...values],
    ...(description === undefined ? {} : { description }),
  });
}
