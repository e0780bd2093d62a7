import { useState } from 'react';
import './attachments.css';
import { useTranslation } from 'react-i18next';
import { attachmentsApi, formatFileSize } from './attachments.api';

/** A file's name as a button that downloads it, with its size; a failed download says why beside it. */
export function AttachmentLink({ file }: { file: { id: string; name: string; size: number } }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const download = () =>
    attachmentsApi.download(file).then(
      () => setError(null),
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  return (
    <span className="attachment-link">
      <button
        type="button"
        className="link-button"
        onClick={(event) => {
          // On an inbox card: a download, not a click on the card.
          event.stopPropagation();
          void download();
        }}
        title={t('attachments.download', { name: file.name })}
        data-testid="attachment-download"
      >
        {file.name}
      </button>{' '}
      <span className="muted small">{formatFileSize(file.size)}</span>
      {error && (
        <span className="error small" role="alert">
          {' '}
          {error}
        </span>
      )}
    </span>
  );
}
