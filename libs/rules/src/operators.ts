/**
 * The condition operators Ticketflow accepts: json-rules-engine's built-ins,
 * nothing else (conditions are data, never code: no eval, no user regex).
 */
export const SUPPORTED_OPERATORS = [
  'equal',
  'notEqual',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
  'in',
  'notIn',
  'contains',
  'doesNotContain',
] as const;

export type SupportedOperator = (typeof SUPPORTED_OPERATORS)[number];

export type DescribeLocale = 'en' | 'zh';

/**
 * True when `operator` is one of {@link SUPPORTED_OPERATORS}. Pure.
 */
export function isSupportedOperator(operator: string): operator is SupportedOperator {
  return (SUPPORTED_OPERATORS as readonly string[]).includes(operator);
}

/** How each operator reads between a field label and a value, per locale. */
export const OPERATOR_TEXT: Record<DescribeLocale, Record<SupportedOperator, string>> = {
  en: {
    equal: 'is',
    notEqual: 'is not',
    lessThan: '<',
    lessThanInclusive: '≤',
    greaterThan: '>',
    greaterThanInclusive: '≥',
    in: 'is one of',
    notIn: 'is not one of',
    contains: 'contains',
    doesNotContain: 'does not contain',
  },
  zh: {
    equal: '等于',
    notEqual: '不等于',
    lessThan: '<',
    lessThanInclusive: '≤',
    greaterThan: '>',
    greaterThanInclusive: '≥',
    in: '属于',
    notIn: '不属于',
    contains: '包含',
    doesNotContain: '不包含',
  },
};
