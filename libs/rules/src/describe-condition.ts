import type { Condition, FactCondition, FieldDefinition } from '@ticketflow/definition';
import { OPERATOR_TEXT, isSupportedOperator, type DescribeLocale } from './operators.js';

const WORDS: Record<
  DescribeLocale,
  { and: string; or: string; not: string; yes: string; no: string; empty: string; listOr: string }
> = {
  en: { and: ' and ', or: ' or ', not: 'not ', yes: 'yes', no: 'no', empty: 'empty', listOr: ', ' },
  zh: { and: ' 且 ', or: ' 或 ', not: '非 ', yes: '是', no: '否', empty: '空', listOr: '、' },
};

/**
 * Renders a condition as text a process owner reads on the canvas and in the
 * timeline, e.g. "Refund amount > 5,000 and channel is wechat". Field labels
 * come from `fieldDefs` (falling back to the field name); numbers get
 * thousands separators; nested `all` / `any` / `not` groups are parenthesised.
 * Tolerates half-built drafts (missing parts read as empty). Pure.
 */
export function describeCondition(
  condition: Condition,
  fieldDefs: FieldDefinition[],
  locale: DescribeLocale = 'en',
): string {
  return describe(condition, fieldDefs, locale, true);
}

function describe(
  condition: Condition,
  fieldDefs: FieldDefinition[],
  locale: DescribeLocale,
  top: boolean,
): string {
  const words = WORDS[locale];
  // Drafts in the Designer may hold half-built conditions: describe what is there.
  if (condition === null || typeof condition !== 'object') return '';
  if ('all' in condition || 'any' in condition) {
    const group = 'all' in condition ? condition.all : condition.any;
    const parts = Array.isArray(group) ? group : [];
    const joiner = 'all' in condition ? words.and : words.or;
    if (parts.length === 1 && parts[0]) return describe(parts[0], fieldDefs, locale, top);
    const text = parts.map((part) => describe(part, fieldDefs, locale, false)).join(joiner);
    return top ? text : `(${text})`;
  }
  if ('not' in condition) {
    const inner = describe(condition.not, fieldDefs, locale, false);
    return `${words.not}${inner.startsWith('(') ? inner : `(${inner})`}`;
  }
  return describeLeaf(condition, fieldDefs, locale);
}

function describeLeaf(leaf: FactCondition, fieldDefs: FieldDefinition[], locale: DescribeLocale): string {
  const field = fieldDefs.find((def) => def.name === leaf.fact);
  const label = (field?.label ?? leaf.fact) + (leaf.path ? ` ${leaf.path.replace(/^\$\./, '')}` : '');
  const operator = isSupportedOperator(leaf.operator) ? OPERATOR_TEXT[locale][leaf.operator] : leaf.operator;
  const useSymbol = leaf.operator === 'equal' && field?.type === 'number' ? '=' : operator;
  return `${label} ${useSymbol} ${formatValue(leaf.value, locale)}`;
}

/**
 * Formats a condition value for display: numbers with thousands separators,
 * lists joined, booleans as yes/no. Pure.
 */
export function formatValue(value: unknown, locale: DescribeLocale = 'en'): string {
  const words = WORDS[locale];
  if (typeof value === 'number') {
    return new Intl.NumberFormat(locale === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: 20 }).format(
      value,
    );
  }
  if (typeof value === 'boolean') return value ? words.yes : words.no;
  if (value === null || value === undefined) return words.empty;
  if (Array.isArray(value)) return value.map((item) => formatValue(item, locale)).join(words.listOr);
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
