import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ticketsApi } from './tickets.api';
import type { TicketComment } from '@ticketflow/contract';

/**
 * The ticket's comments and a box to add one. The server decides what the
 * reader sees (a requester: public comments, staff as "Support team"); staff
 * choose whether a new comment is visible to the requester.
 */
export function TicketComments({
  ticketId,
  isRequester,
  refreshKey,
}: {
  ticketId: string;
  isRequester: boolean;
  refreshKey: string;
}) {
  const { t, i18n } = useTranslation();
  const [comments, setComments] = useState<TicketComment[] | null>(null);
  const [text, setText] = useState('');
  const [visible, setVisible] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const load = useCallback(() => {
    ticketsApi
      .comments(ticketId)
      .then(setComments, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [ticketId]);
  useEffect(load, [load, refreshKey]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return;
    setBusy(true);
    try {
      await ticketsApi.addComment(ticketId, text.trim(), isRequester || visible ? 'public' : 'internal');
      setText('');
      setError(null);
      load();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const locale = i18n.language.startsWith('zh') ? 'zh-CN' : 'en';
  return (
    <section className="card ticket-comments" data-testid="ticket-comments">
      <h2>{t('tickets.detail.comments')}</h2>
      {comments && comments.length === 0 && <p className="muted">{t('tickets.detail.noComments')}</p>}
      <ul className="comment-list">
        {(comments ?? []).map((comment) => (
          <li
            key={comment.seq}
            className={`comment comment--${comment.visibility}`}
            data-testid="ticket-comment"
            data-visibility={comment.visibility}
          >
            <div className="small muted">
              <strong>{comment.by ?? t('tickets.detail.support')}</strong> ·{' '}
              <time dateTime={comment.at}>
                {new Date(comment.at).toLocaleString(locale, { dateStyle: 'short', timeStyle: 'short' })}
              </time>
              {comment.visibility === 'internal' && (
                <span className="badge badge--internal">{t('tickets.detail.internal')}</span>
              )}
            </div>
            <p>{comment.text}</p>
          </li>
        ))}
      </ul>
      <form className="comment-form" onSubmit={(e) => void submit(e)}>
        <textarea
          rows={2}
          value={text}
          aria-label={t('tickets.detail.addComment')}
          placeholder={t('tickets.detail.addComment')}
          onChange={(e) => setText(e.target.value)}
          data-testid="comment-text"
        />
        <div className="row">
          {!isRequester && (
            <label className="small">
              <input
                type="checkbox"
                checked={visible}
                onChange={(e) => setVisible(e.target.checked)}
                data-testid="comment-public"
              />{' '}
              {t('inbox.actions.visibleToRequester')}
            </label>
          )}
          <span className="spacer" />
          <button
            type="submit"
            className="primary"
            disabled={busy || !text.trim()}
            data-testid="comment-send"
          >
            {t('tickets.detail.send')}
          </button>
        </div>
      </form>
      {error && <p className="error small">{error}</p>}
    </section>
  );
}
