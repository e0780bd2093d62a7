import { OPERATORS_BY_FIELD_TYPE, validateDefinition } from '@ticketflow/definition';
import { describeCondition as describeWithRules } from '@ticketflow/rules';
import type { Condition, FieldDefinition, FieldType, WorkflowDefinition } from '@ticketflow/definition';
import type { Problem } from '@ticketflow/contract';

/**
 * Thin wrappers over the pure libs, so the Designer says exactly what the server
 * says: the operator catalogue, the validator and the condition wording.
 */

/** Operators that fit a field type, in the order the builder offers them. Pure. */
export function operatorsForType(type: FieldType): readonly string[] {
  return OPERATORS_BY_FIELD_TYPE[type] ?? ['equal'];
}

/** The same validation the server runs on save and publish. Pure. */
export function validateLocally(definition: WorkflowDefinition): { valid: boolean; problems: Problem[] } {
  return validateDefinition(definition);
}

/** A condition in words for edge labels and the simulation log ("Refund amount > 5,000"). Pure. */
export function describeCondition(
  condition: Condition,
  fields: FieldDefinition[],
  language?: string,
): string {
  try {
    return describeWithRules(condition, fields, language?.startsWith('zh') ? 'zh' : 'en');
  } catch {
    return JSON.stringify(condition);
  }
}
