import { useTranslation } from 'react-i18next';
import type { FieldDefinition } from '@ticketflow/definition';
import type { FieldError } from './field-form';
import { ListFieldInput } from './ListFieldInput';

interface Props {
  field: FieldDefinition;
  value: string | boolean | undefined;
  onChange: (value: string | boolean) => void;
  /** A client-side error (an i18n key) or the server's message for this field. */
  error?: FieldError | string;
  required?: boolean;
  /** The most characters accepted: a live counter shows how many are used, before submit. */
  maxLength?: number;
  testId: string;
}

/**
 * One labelled input for a typed workflow field: number, text area, date,
 * checkbox, the enum's options, or a line of text. Keeps what was typed as
 * text; `readFieldValues` turns it into typed values.
 */
export function FieldInput({ field, value, onChange, error, required, maxLength, testId }: Props) {
  const { t, i18n } = useTranslation();
  const label = field.label ?? field.name;
  const message =
    typeof error === 'string' ? error : error ? t(`tickets.errors.${error.key}`, error.params) : undefined;
  const errorId = `${testId}-error`;
  const common = {
    'data-testid': testId,
    'aria-invalid': message ? true : undefined,
    'aria-describedby': message ? errorId : undefined,
  };
  const text = typeof value === 'string' ? value : '';
  let input;
  switch (field.type) {
    case 'boolean':
      return (
        <div className="field-input">
          <label className="check">
            <input
              type="checkbox"
              checked={value === true}
              onChange={(e) => onChange(e.target.checked)}
              {...common}
            />
            {label}
          </label>
          {message && (
            <span id={errorId} className="field-error" data-testid={errorId}>
              {message}
            </span>
          )}
        </div>
      );
    case 'enum':
      input = (
        <select value={text} onChange={(e) => onChange(e.target.value)} {...common}>
          <option value="">{t('tickets.create.choose')}</option>
          {(field.options ?? []).map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
      );
      break;
    case 'text':
      input = <textarea rows={3} value={text} onChange={(e) => onChange(e.target.value)} {...common} />;
      break;
    case 'date':
      input = <input type="date" value={text} onChange={(e) => onChange(e.target.value)} {...common} />;
      break;
    case 'users':
      input = (
        <input
          value={text}
          placeholder={t('tickets.create.usersHint')}
          onChange={(e) => onChange(e.target.value)}
          {...common}
        />
      );
      break;
    case 'list':
      return (
        <div className="field-input">
          <span>
            {label}
            {required && <span className="required-mark"> *</span>}
          </span>
          <ListFieldInput field={field} value={text} onChange={onChange} testId={testId} />
          {message && (
            <span id={errorId} className="field-error" data-testid={errorId}>
              {message}
            </span>
          )}
        </div>
      );
    case 'number':
      input = (
        <input inputMode="decimal" value={text} onChange={(e) => onChange(e.target.value)} {...common} />
      );
      break;
    default:
      input = <input value={text} onChange={(e) => onChange(e.target.value)} {...common} />;
  }
  const limit = limitHint(field, text, maxLength, i18n.language, t);
  return (
    <div className="field-input">
      <label>
        <span>
          {label}
          {required && <span className="required-mark"> *</span>}
        </span>
        {input}
      </label>
      {limit && (
        <span className={`field-hint${limit.over ? ' is-over' : ''}`} data-testid={`${testId}-hint`}>
          {limit.text}
        </span>
      )}
      {message && (
        <span id={errorId} className="field-error" data-testid={errorId}>
          {message}
        </span>
      )}
    </div>
  );
}

/** The limits a field has, shown before submit: "12 / 200" for a length, "between 1 and 10,000" for a number. */
function limitHint(
  field: FieldDefinition,
  text: string,
  maxLength: number | undefined,
  language: string,
  t: (key: string, params?: Record<string, unknown>) => string,
) {
  if (maxLength !== undefined) {
    const used = [...text].length;
    return { text: t('tickets.limits.length', { used, max: maxLength }), over: used > maxLength };
  }
  if (field.type !== 'number' || (field.min === undefined && field.max === undefined)) return undefined;
  const n = (value: number) => new Intl.NumberFormat(language).format(value);
  if (field.min !== undefined && field.max !== undefined)
    return { text: t('tickets.limits.between', { min: n(field.min), max: n(field.max) }), over: false };
  return field.min !== undefined
    ? { text: t('tickets.limits.atLeast', { min: n(field.min) }), over: false }
    : { text: t('tickets.limits.atMost', { max: n(field.max!) }), over: false };
}
