import type { FieldDefinition } from '@ticketflow/definition';

/** A field's label: its definition's, else the name split into words (`refundAmount` → `Refund amount`). Pure. */
export function fieldLabel(name: string, definition?: Pick<FieldDefinition, 'label'>): string {
  if (definition?.label) return definition.label;
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * A field value as a person reads it, by type: numbers grouped for the locale
 * (12,000 / 12,000), dates in the locale's format, booleans as yes / no words,
 * long text shortened. Pure.
 */
export function formatFieldValue(
  value: unknown,
  locale: string,
  words: { yes: string; no: string },
  type?: FieldDefinition['type'],
): string {
  if (value === undefined || value === null || value === '') return '—';
  const tag = locale.startsWith('zh') ? 'zh-CN' : 'en';
  if (typeof value === 'number')
    return new Intl.NumberFormat(tag, { maximumFractionDigits: 2 }).format(value);
  if (typeof value === 'boolean') return value ? words.yes : words.no;
  if (
    typeof value === 'string' &&
    (type === 'date' || (type === undefined && ISO_DATE.test(value))) &&
    !Number.isNaN(Date.parse(value))
  ) {
    return new Date(value).toLocaleDateString(
      tag,
      value.length > 10 ? { dateStyle: 'medium' } : { dateStyle: 'medium', timeZone: 'UTC' },
    );
  }
  if (Array.isArray(value)) {
    // users: the names; a list: each item's values, items separated by semicolons.
    const parts = value.map((entry) =>
      entry !== null && typeof entry === 'object'
        ? Object.values(entry as Record<string, unknown>)
            .map((v) => formatFieldValue(v, locale, words))
            .join(' · ')
        : String(entry),
    );
    const joined = parts.join(value.every((entry) => typeof entry === 'string') ? ', ' : '; ');
    return joined.length > 80 ? `${joined.slice(0, 79)}…` : joined || '—';
  }
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

/** The sum of each number field over several tasks' shown values (for a bulk summary). Pure. */
export function numberTotals(values: readonly Record<string, unknown>[]): { field: string; total: number }[] {
  const totals = new Map<string, number>();
  for (const fields of values) {
    for (const [field, value] of Object.entries(fields))
      if (typeof value === 'number') totals.set(field, (totals.get(field) ?? 0) + value);
  }
  return [...totals.entries()].map(([field, total]) => ({ field, total }));
}
