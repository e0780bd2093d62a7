import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FIELD_NAME_PATTERN, type FieldDefinition, type FieldType } from '@ticketflow/definition';

const QUICK_TYPES: FieldType[] = ['number', 'string', 'boolean', 'date'];

/**
 * Declares a ticket field right where a condition needs one, so a first branch
 * does not need a trip to the Fields tab: name + type, then `onAdd`.
 */
export function NewFieldForm({
  onAdd,
  taken,
}: {
  onAdd: (field: FieldDefinition) => void;
  taken: readonly string[];
}) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [type, setType] = useState<FieldType>('number');
  const clean = name.trim();
  const valid = FIELD_NAME_PATTERN.test(clean) && !taken.includes(clean);
  return (
    <div className="new-field" data-testid="cond-new-field">
      <p className="muted small">{t('designer.cond.noFieldsInline')}</p>
      <div className="row">
        <input
          className="grow"
          aria-label={t('designer.cond.newFieldName')}
          placeholder="refundAmount"
          data-testid="cond-new-field-name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          onKeyDown={(e) => e.key === 'Enter' && valid && onAdd({ name: clean, type })}
        />
        <select
          aria-label={t('designer.cond.newFieldType')}
          data-testid="cond-new-field-type"
          value={type}
          onChange={(e) => setType(e.target.value as FieldType)}
        >
          {QUICK_TYPES.map((ft) => (
            <option key={ft} value={ft}>
              {t(`designer.fields.types.${ft}`, { defaultValue: ft })}
            </option>
          ))}
        </select>
      </div>
      <button
        type="button"
        disabled={!valid}
        data-testid="cond-new-field-add"
        onClick={() => onAdd({ name: clean, type })}
      >
        + {t('designer.cond.newFieldAdd')}
      </button>
    </div>
  );
}
