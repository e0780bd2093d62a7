import type { FieldDefinition, FieldType } from './definition.types.js';

export type OperatorName =
  | 'equal'
  | 'notEqual'
  | 'lessThan'
  | 'lessThanInclusive'
  | 'greaterThan'
  | 'greaterThanInclusive'
  | 'in'
  | 'notIn'
  | 'contains'
  | 'doesNotContain';

export interface OperatorInfo {
  name: OperatorName;
  /** Words for the condition builder: `refundAmount` **is greater than** 5000. */
  label: string;
  /** `one`: the value is a single value of the field's type; `list`: a list of them. */
  value: 'one' | 'list';
}

/**
 * The operator catalogue (json-rules-engine names). `matches` (regular expressions) is
 * deliberately absent: a user-written pattern is a ReDoS risk on the server.
 * On `string`/`text` fields `contains` / `doesNotContain` mean "has this substring";
 * on `date` fields values are ISO-8601 dates (`2026-01-31`) or date-times, compared in time.
 */
export const OPERATORS: Readonly<Record<OperatorName, OperatorInfo>> = {
  equal: { name: 'equal', label: 'is', value: 'one' },
  notEqual: { name: 'notEqual', label: 'is not', value: 'one' },
  lessThan: { name: 'lessThan', label: 'is less than', value: 'one' },
  lessThanInclusive: { name: 'lessThanInclusive', label: 'is at most', value: 'one' },
  greaterThan: { name: 'greaterThan', label: 'is greater than', value: 'one' },
  greaterThanInclusive: { name: 'greaterThanInclusive', label: 'is at least', value: 'one' },
  in: { name: 'in', label: 'is one of', value: 'list' },
  notIn: { name: 'notIn', label: 'is none of', value: 'list' },
  contains: { name: 'contains', label: 'contains', value: 'one' },
  doesNotContain: { name: 'doesNotContain', label: 'does not contain', value: 'one' },
};

const ORDERED: OperatorName[] = ['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive'];

/** Which operators apply to which field type; the condition builder offers exactly these. */
export const OPERATORS_BY_FIELD_TYPE: Readonly<Record<FieldType, readonly OperatorName[]>> = {
  string: ['equal', 'notEqual', 'in', 'notIn', 'contains', 'doesNotContain'],
  text: ['equal', 'notEqual', 'contains', 'doesNotContain'],
  number: ['equal', 'notEqual', ...ORDERED, 'in', 'notIn'],
  boolean: ['equal', 'notEqual'],
  date: ['equal', 'notEqual', ...ORDERED],
  enum: ['equal', 'notEqual', 'in', 'notIn'],
  // Lists of people and items are not compared in conditions; steps iterate over them instead.
  users: [],
  list: [],
};

/** True when `name` is in the operator catalogue. Pure. */
export function isOperatorName(name: unknown): name is OperatorName {
  return typeof name === 'string' && Object.hasOwn(OPERATORS, name);
}

/** True when `operator` applies to fields of `type`. Pure. */
export function operatorFitsFieldType(operator: OperatorName, type: FieldType): boolean {
  return OPERATORS_BY_FIELD_TYPE[type]?.includes(operator) ?? false;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})?)?$/;

/** True for an ISO-8601 date (`2026-01-31`) or date-time that names a real moment. Pure. */
export function isIsoDate(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length <= 40 &&
    ISO_DATE.test(value) &&
    !Number.isNaN(Date.parse(value))
  );
}

/**
 * Why a single `value` does not fit `field`, or null when it does: numbers must be finite
 * numbers (not "5000"), booleans true/false, dates ISO-8601 strings, enums one of the
 * options, strings strings. Pure.
 */
export function explainValueMismatch(field: FieldDefinition, value: unknown): string | null {
  switch (field.type) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? null : 'must be a number (without quotes)';
    case 'boolean':
      return typeof value === 'boolean' ? null : 'must be true or false';
    case 'date':
      return isIsoDate(value) ? null : 'must be a date such as "2026-01-31" or "2026-01-31T09:00:00Z"';
    case 'enum':
      return typeof value === 'string' ? null : 'must be one of the field options';
    case 'string':
    case 'text':
      return typeof value === 'string' ? null : 'must be text (in quotes)';
    default:
      return 'cannot be checked: the field has an unknown type';
  }
}
