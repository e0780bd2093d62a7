import { useTranslation } from 'react-i18next';
import type { FieldDefinition } from '@ticketflow/definition';
import { coerceValue } from '../conditions/condition-model';
import { CommitInput } from './CommitInput';

interface Props {
  field: FieldDefinition | undefined;
  value: unknown;
  onChange: (value: unknown) => void;
  testId: string;
  /** A list of values (the `in` / `notIn` operators). */
  multiple?: boolean;
  ariaLabel?: string;
}

/**
 * An input that fits the field type: number, text, date, a yes/no select, or the
 * enum's options. Emits typed values (never raw JSON); an unreadable number emits
 * nothing until it is fixed.
 */
export function FieldValueInput({ field, value, onChange, testId, multiple, ariaLabel }: Props) {
  const { t } = useTranslation();
  const type = field?.type ?? 'string';
  if (type === 'enum') {
    const options = field?.options ?? [];
    if (multiple) {
      const selected = Array.isArray(value) ? value.map(String) : [];
      return (
        <select
          multiple
          data-testid={testId}
          aria-label={ariaLabel}
          value={selected}
          onChange={(e) => onChange(Array.from(e.target.selectedOptions, (o) => o.value))}
        >
          {options.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      );
    }
    return (
      <select
        data-testid={testId}
        aria-label={ariaLabel}
        value={String(value ?? '')}
        onChange={(e) => onChange(e.target.value)}
      >
        {!options.includes(String(value ?? '')) && <option value={String(value ?? '')}>—</option>}
        {options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    );
  }
  if (type === 'boolean') {
    return (
      <select
        data-testid={testId}
        aria-label={ariaLabel}
        value={value === true ? 'true' : value === false ? 'false' : ''}
        onChange={(e) => onChange(e.target.value === 'true')}
      >
        {value !== true && value !== false && <option value="">—</option>}
        <option value="true">{t('common.yes')}</option>
        <option value="false">{t('common.no')}</option>
      </select>
    );
  }
  if (multiple) {
    const text = Array.isArray(value) ? value.join(', ') : '';
    return (
      <input
        data-testid={testId}
        aria-label={ariaLabel}
        defaultValue={text}
        key={text}
        placeholder={t('designer.cond.listPlaceholder')}
        onBlur={(e) => {
          const coerced = coerceValue(field, 'in', e.target.value);
          if (coerced !== undefined) onChange(coerced);
        }}
      />
    );
  }
  if (type === 'number') {
    return (
      <CommitInput
        type="number"
        testId={testId}
        ariaLabel={ariaLabel}
        value={typeof value === 'number' ? String(value) : ''}
        onCommit={(text) => {
          const coerced = coerceValue(field, 'equal', text);
          if (coerced !== undefined) onChange(coerced);
        }}
      />
    );
  }
  if (type === 'date') {
    return (
      <input
        type="date"
        data-testid={testId}
        aria-label={ariaLabel}
        value={String(value ?? '').slice(0, 10)}
        onChange={(e) => onChange(e.target.value)}
      />
    );
  }
  return (
    <input
      data-testid={testId}
      aria-label={ariaLabel}
      value={String(value ?? '')}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}
