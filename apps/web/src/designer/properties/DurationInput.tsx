import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDuration, parseDurationText, type ParsedDuration } from '../duration/duration-text';

interface Props {
  testId: string;
  label: string;
  value: { after: string; businessHours?: boolean } | undefined;
  onChange: (value: ParsedDuration | undefined) => void;
  /** Allow clearing the duration (an optional timeout). */
  optional?: boolean;
}

/**
 * A duration typed in words ("4 hours", "2 business days"); stored as ISO-8601 plus
 * a businessHours flag. Applies on blur or Enter; shows what it understood.
 */
export function DurationInput({ testId, label, value, onChange, optional }: Props) {
  const { t, i18n } = useTranslation();
  const shown = value ? formatDuration(value.after, value.businessHours, i18n.language) : '';
  const [text, setText] = useState(shown);
  const [error, setError] = useState(false);
  useEffect(() => setText(shown), [shown]);

  function commit() {
    if (text.trim() === '') {
      setError(!optional);
      if (optional && value) onChange(undefined);
      return;
    }
    const parsed = parseDurationText(text);
    setError(!parsed);
    if (parsed && (parsed.after !== value?.after || parsed.businessHours !== Boolean(value?.businessHours))) {
      onChange(parsed);
    }
  }

  return (
    <label>
      {label}
      <input
        className="nodrag"
        data-testid={testId}
        value={text}
        placeholder={t('designer.duration.placeholder')}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === 'Enter' && commit()}
        aria-invalid={error}
      />
      {error ? (
        <span className="error small">{t('designer.duration.invalid')}</span>
      ) : (
        value && (
          <span className="muted small">
            {value.after}
            {value.businessHours ? ` · ${t('designer.duration.business')}` : ''}
          </span>
        )
      )}
    </label>
  );
}
