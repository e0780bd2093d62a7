import { useTranslation } from 'react-i18next';

interface Props {
  testId: string;
  label: string;
  value: Record<string, string>;
  onChange: (value: Record<string, string>) => void;
  /** Restrict keys to these (e.g. declared field names). */
  keyOptions?: string[];
  keyLabel?: string;
  valueLabel?: string;
  hint?: string;
}

/** Rows of name → text (an HTTP body, a response mapping). Order is kept. */
export function KeyValueEditor({
  testId,
  label,
  value,
  onChange,
  keyOptions,
  keyLabel,
  valueLabel,
  hint,
}: Props) {
  const { t } = useTranslation();
  const rows = Object.entries(value);
  const put = (entries: [string, string][]) => onChange(Object.fromEntries(entries));
  const freeKey = () => {
    if (keyOptions) return keyOptions.find((k) => !(k in value)) ?? '';
    let n = rows.length + 1;
    while (`key${n}` in value) n += 1;
    return `key${n}`;
  };
  return (
    <div className="kv-editor" data-testid={testId}>
      <span className="label">{label}</span>
      {hint && <span className="muted small">{hint}</span>}
      {rows.map(([k, v], i) => (
        <div className="row" key={i}>
          {keyOptions ? (
            <select
              aria-label={keyLabel}
              data-testid={`${testId}-key-${i}`}
              value={k}
              onChange={(e) => put(rows.map((r, j) => (j === i ? [e.target.value, r[1]] : r)))}
            >
              {keyOptions.map((o) => (
                <option key={o}>{o}</option>
              ))}
            </select>
          ) : (
            <input
              aria-label={keyLabel ?? t('designer.props.kvKey')}
              data-testid={`${testId}-key-${i}`}
              value={k}
              onChange={(e) => put(rows.map((r, j) => (j === i ? [e.target.value, r[1]] : r)))}
            />
          )}
          <input
            aria-label={valueLabel ?? t('designer.props.kvValue')}
            data-testid={`${testId}-value-${i}`}
            className="grow"
            value={String(v)}
            onChange={(e) => put(rows.map((r, j) => (j === i ? [r[0], e.target.value] : r)))}
          />
          <button
            type="button"
            aria-label={t('common.remove')}
            onClick={() => put(rows.filter((_, j) => j !== i))}
          >
            ×
          </button>
        </div>
      ))}
      <button
        type="button"
        data-testid={`${testId}-add`}
        onClick={() => put([...rows, [freeKey(), '']])}
        disabled={keyOptions !== undefined && keyOptions.every((k) => k in value)}
      >
        {t('common.add')}
      </button>
    </div>
  );
}
