import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { emptyDefinition } from '../model/node-catalog';
import { slugify, WORKFLOW_KEY_PATTERN } from './workflow-key';

/** Name + key for a new workflow; opens the Designer on an empty (start -> end) definition. */
export function NewWorkflowForm({ existing }: { existing: string[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [key, setKey] = useState('');
  const [keyTouched, setKeyTouched] = useState(false);
  const effectiveKey = keyTouched ? key : slugify(name);
  const keyError = !effectiveKey
    ? null
    : !WORKFLOW_KEY_PATTERN.test(effectiveKey)
      ? t('designer.list.keyInvalid')
      : existing.includes(effectiveKey)
        ? t('designer.list.keyTaken')
        : null;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (keyError || !effectiveKey || !name.trim()) return;
    navigate(`/designer/${effectiveKey}`, { state: { initial: emptyDefinition(effectiveKey, name.trim()) } });
  }

  return (
    <form className="card inline-form" onSubmit={onSubmit} data-testid="new-workflow-form">
      <h2>{t('designer.list.newTitle')}</h2>
      <label>
        {t('designer.list.name')}
        <input data-testid="new-workflow-name" value={name} onChange={(e) => setName(e.target.value)} required />
      </label>
      <label>
        {t('designer.list.key')}
        <input
          data-testid="new-workflow-key"
          value={effectiveKey}
          onChange={(e) => {
            setKeyTouched(true);
            setKey(e.target.value);
          }}
        />
      </label>
      {keyError && <p className="error small">{keyError}</p>}
      <button type="submit" className="primary" data-testid="new-workflow-create" disabled={!!keyError || !name.trim()}>
        {t('designer.list.create')}
      </button>
    </form>
  );
}
