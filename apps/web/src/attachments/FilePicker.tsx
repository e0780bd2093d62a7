import { useId } from 'react';
import './attachments.css';
import { useTranslation } from 'react-i18next';
import { formatFileSize } from './attachments.api';

/**
 * Chooses files to attach: a button in the UI's language (the native file
 * input, visually hidden but focusable, does the choosing) and the chosen
 * files, each removable. The caller uploads them (after creating the ticket,
 * or at once).
 */
export function FilePicker({
  files,
  onChange,
  note,
  required,
  testId = 'file-picker',
}: {
  files: File[];
  onChange: (files: File[]) => void;
  note?: string;
  required?: boolean;
  testId?: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="file-picker" data-testid={testId}>
      <input
        id={id}
        type="file"
        multiple
        className="file-picker__input"
        onChange={(event) => {
          const chosen = Array.from(event.target.files ?? []);
          onChange([...files, ...chosen]);
          event.target.value = '';
        }}
        data-testid={`${testId}-input`}
      />
      <label htmlFor={id} className="file-picker__button">
        {t('attachments.choose')}
        {required && <span className="required-mark"> *</span>}
      </label>
      {files.length === 0 && <span className="muted small">{t('attachments.noneChosen')}</span>}
      {note && <p className="small muted file-picker__note">{note}</p>}
      {files.length > 0 && (
        <ul className="file-picker__list">
          {files.map((file, index) => (
            <li key={`${file.name}-${index}`} data-testid={`${testId}-file`}>
              {file.name} <span className="muted small">{formatFileSize(file.size)}</span>{' '}
              <button
                type="button"
                className="link-button small"
                onClick={() => onChange(files.filter((_, i) => i !== index))}
                aria-label={t('attachments.remove', { name: file.name })}
              >
                {t('attachments.removeShort')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
