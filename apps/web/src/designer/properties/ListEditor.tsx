import { useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  testId: string;
  label: string;
  items: string[];
  onChange: (items: string[]) => void;
  placeholder?: string;
}

/** A list of short words (task outcomes, enum options) with add and remove. */
export function ListEditor({ testId, label, items, onChange, placeholder }: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState('');
  function add() {
    const word = draft.trim();
    if (!word || items.includes(word)) return;
    onChange([...items, word]);
    setDraft('');
  }
  return (
    <div className="list-editor" data-testid={testId}>
      <span className="label">{label}</span>
      <ul>
        {items.map((item) => (
          <li key={item} data-testid={`${testId}-item-${item}`}>
            <span>{item}</span>
            <button
              type="button"
              onClick={() => onChange(items.filter((i) => i !== item))}
              aria-label={t('common.remove')}
              data-testid={`${testId}-remove-${item}`}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <div className="row">
        <input
          data-testid={`${testId}-input`}
          value={draft}
          placeholder={placeholder}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
        />
        <button type="button" onClick={add} data-testid={`${testId}-add`}>
          {t('common.add')}
        </button>
      </div>
    </div>
  );
}
