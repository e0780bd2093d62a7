import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { emptyDefinition } from '../model/node-catalog';
import { usePinyin } from './use-pinyin';
import { keyFromName, WORKFLOW_KEY_PATTERN } from './workflow-key';

/** Name + key for a new workflow; opens the Designer on an empty (start -> end) definition. */
export function NewWorkflowForm({ existing }: { existing: string[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [key, setKey] = useState('');
  const [keyTouched, setKeyTouched] = useState(false);
  const [submitted, setSubmitted] = useState(false);
  const toPinyin = usePinyin();
  const effectiveKey = keyTouched ? key : keyFromName(name, toPinyin);
  const nameError = submitted && !name.trim() ? t('designer.list.nameRequired') : null;
  const keyError = !effectiveKey
    ? submitted || keyTouched
      ? t('designer.list.keyRequired')
      : null
    : !WORKFLOW_KEY_PATTERN.test(effectiveKey)
      ? t('designer.list.keyInvalid')
      : existing.includes(effectiveKey)
        ? t('designer.list.keyTaken')
        : null;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    // Every refusal shows its reason next to the field (nameError / keyError); nothing fails silently.
    if (keyError || !effectiveKey || !WORKFLOW_KEY_PATTERN.test(effectiveKey) || !name.trim()) return;
    navigate(`/designer/${effectiveKey}`, { state: { initial: emptyDefinition(effectiveKey, name.trim()) } });
  }

  return (
    <form className="card inline-form" onSubmit={onSubmit} data-testid="new-workflow-form">
      <h2>{t('designer.list.newTitle')}</h2>
      <label>
        {t('designer.list.name')}
        <input
          data-testid="new-workflow-name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          aria-invalid={!!nameError}
        />
      </label>
      {nameError && (
        <p className="error small" role="alert" data-testid="new-workflow-name-error">
          {nameError}
        </p>
      )}
      <label>
        {t('designer.list.key')}
        <input
          data-testid="new-workflow-key"
          value={effectiveKey}
          aria-invalid={!!keyError}
          spellCheck={false}
          onChange={(e) => {
            setKeyTouched(true);
            setKey(e.target.value);
          }}
        />
      </label>
      <span className="muted small">{t('designer.list.keyHint')}</span>
      {keyError && (
        <p className="error small" role="alert" data-testid="new-workflow-key-error">
          {keyError}
        </p>
      )}
      <button type="submit" className="primary" data-testid="new-workflow-create">
        {t('designer.list.create')}
      </button>
    </form>
  );
}
