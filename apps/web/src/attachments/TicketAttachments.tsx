import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { AttachmentLink } from './AttachmentLink';
import { attachmentsApi, type Attachment } from './attachments.api';
import { FilePicker } from './FilePicker';

/**
 * The ticket's files and a form to add more. The server decides what the
 * reader sees (a requester: public files); staff choose whether a new file is
 * visible to the requester. Closed tickets show the list only.
 */
export function TicketAttachments({
  ticketId,
  isRequester,
  closed,
  refreshKey,
}: {
  ticketId: string;
  isRequester: boolean;
  closed: boolean;
  refreshKey: string;
}) {
  const { t, i18n } = useTranslation();
  const [files, setFiles] = useState<Attachment[] | null>(null);
  const [chosen, setChosen] = useState<File[]>([]);
  const [shared, setShared] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Files the create form could not attach (named with the server's reason).
  const refusedAtCreation = (useLocation().state as { attachmentErrors?: string[] } | null)?.attachmentErrors;
  const load = useCallback(() => {
    attachmentsApi
      .list(ticketId)
      .then(setFiles, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [ticketId]);
  useEffect(load, [load, refreshKey]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (chosen.length === 0) return;
    setBusy(true);
    setError(null);
    try {
      for (const file of chosen)
        await attachmentsApi.upload(
          ticketId,
          file,
          isRequester ? {} : { visibility: shared ? 'public' : 'internal' },
        );
      setChosen([]);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
      load();
    }
  };
  const locale = i18n.language.startsWith('zh') ? 'zh-CN' : 'en';
  return (
    <section className="card ticket-attachments" data-testid="ticket-attachments">
      <h2>{t('attachments.title')}</h2>
      {files && files.length === 0 && <p className="muted">{t('attachments.none')}</p>}
      <ul className="attachment-list">
        {(files ?? []).map((file) => (
          <li key={file.id} data-testid="ticket-attachment" data-visibility={file.visibility}>
            <AttachmentLink file={file} />
            <div className="small muted">
              {file.source === 'document'
                ? t('attachments.generated')
                : t('attachments.addedBy', { user: file.uploadedBy ?? t('tickets.detail.support') })}
              {' · '}
              {new Date(file.createdAt).toLocaleString(locale, { dateStyle: 'short', timeStyle: 'short' })}
              {!isRequester && file.visibility === 'internal' && (
                <span className="badge badge--internal">{t('tickets.detail.internal')}</span>
              )}
            </div>
          </li>
        ))}
      </ul>
      {!closed && (
        <form className="attachment-upload" onSubmit={submit}>
          <FilePicker files={chosen} onChange={setChosen} testId="attachment-picker" />
          {!isRequester && (
            <label className="check-label small">
              <input type="checkbox" checked={shared} onChange={(e) => setShared(e.target.checked)} />{' '}
              {t('attachments.visibleToRequester')}
            </label>
          )}
          <button
            type="submit"
            className="primary"
            disabled={busy || chosen.length === 0}
            data-testid="attachment-upload"
          >
            {t('attachments.upload')}
          </button>
        </form>
      )}
      {refusedAtCreation && refusedAtCreation.length > 0 && (
        <div className="error" role="alert" data-testid="attachment-refused">
          {t('attachments.refusedAtCreation')}
          <ul>
            {refusedAtCreation.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      )}
      {error && (
        <p className="error" role="alert" data-testid="attachment-error">
          {error}
        </p>
      )}
    </section>
  );
}
