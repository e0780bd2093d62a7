import * as definitionLib from '@ticketflow/definition';
import * as rulesLib from '@ticketflow/rules';
import type { Condition, FieldDefinition, FieldType, WorkflowDefinition } from '@ticketflow/definition';
import type { Problem } from '../../http/api.types';

/**
 * The one place the Designer reaches for functions of the pure libs that are being
 * written in parallel (validateDefinition, OPERATORS_BY_FIELD_TYPE, describeCondition).
 * It uses the lib's export when it is there and a small local stand-in otherwise, so
 * the app builds and runs either way. Once the libs export them, this file can
 * become plain re-exports.
 */
interface DefinitionLibExtras {
  validateDefinition: (input: unknown) => { valid: boolean; problems: Problem[] };
  OPERATORS_BY_FIELD_TYPE: Record<FieldType, readonly string[]>;
}
interface RulesLibExtras {
  describeCondition: (condition: Condition, fields: FieldDefinition[], locale?: string) => string;
}

const defLib = definitionLib as unknown as Partial<DefinitionLibExtras>;
const rules = rulesLib as unknown as Partial<RulesLibExtras>;

const COMPARE = ['equal', 'notEqual', 'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive'];
const LOCAL_OPERATORS: Record<FieldType, readonly string[]> = {
  number: COMPARE,
  date: COMPARE,
  string: ['equal', 'notEqual', 'in', 'notIn'],
  text: ['equal', 'notEqual'],
  enum: ['equal', 'notEqual', 'in', 'notIn'],
  boolean: ['equal', 'notEqual'],
};

/** Operators that fit a field type, in the order the builder offers them. */
export function operatorsForType(type: FieldType): readonly string[] {
  return defLib.OPERATORS_BY_FIELD_TYPE?.[type] ?? LOCAL_OPERATORS[type] ?? ['equal'];
}

/** Client-side validation, or null when the lib's validator is not available yet (the server then answers). */
export function validateLocally(definition: WorkflowDefinition): { valid: boolean; problems: Problem[] } | null {
  return defLib.validateDefinition ? defLib.validateDefinition(definition) : null;
}

const SYMBOLS: Record<string, string> = {
  equal: '=',
  notEqual: '≠',
  lessThan: '<',
  lessThanInclusive: '≤',
  greaterThan: '>',
  greaterThanInclusive: '≥',
  in: 'in',
  notIn: 'not in',
};

/** A condition in words for edge labels and the simulation log. */
export function describeCondition(condition: Condition, fields: FieldDefinition[], locale?: string): string {
  if (rules.describeCondition) {
    try {
      return rules.describeCondition(condition, fields, locale);
    } catch {
      // fall through to the plain rendering below
    }
  }
  return describeLocally(condition, fields);
}

function describeLocally(c: Condition, fields: FieldDefinition[]): string {
  if ('all' in c) return c.all.map((x) => wrap(x, fields)).join(' and ') || '(always)';
  if ('any' in c) return c.any.map((x) => wrap(x, fields)).join(' or ') || '(never)';
  if ('not' in c) return `not ${wrap(c.not, fields)}`;
  const label = fields.find((f) => f.name === c.fact)?.label ?? c.fact;
  const value = Array.isArray(c.value) ? c.value.join(', ') : String(c.value);
  return `${label} ${SYMBOLS[c.operator] ?? c.operator} ${value}`;
}

function wrap(c: Condition, fields: FieldDefinition[]): string {
  const text = describeLocally(c, fields);
  return 'fact' in c ? text : `(${text})`;
}
