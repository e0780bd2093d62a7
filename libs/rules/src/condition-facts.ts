import type { Condition, FactCondition, FieldValues } from '@ticketflow/definition';

/**
 * Every leaf (`{ fact, operator, value }`) of a condition, depth first in
 * document order. Pure.
 */
export function listFactConditions(condition: Condition): FactCondition[] {
  if ('all' in condition) return condition.all.flatMap(listFactConditions);
  if ('any' in condition) return condition.any.flatMap(listFactConditions);
  if ('not' in condition) return listFactConditions(condition.not);
  return [condition];
}

/**
 * The field values a condition reads, keyed by field name. A field the ticket
 * does not have is reported as `null`, so the timeline shows it was missing.
 * Pure.
 */
export function readFacts(condition: Condition, fields: FieldValues): FieldValues {
  const values: FieldValues = {};
  for (const leaf of listFactConditions(condition)) {
    const value = fields[leaf.fact];
    values[leaf.fact] = value === undefined ? null : value;
  }
  return values;
}
