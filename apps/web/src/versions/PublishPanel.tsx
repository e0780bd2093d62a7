import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Problem } from '@ticketflow/definition';
import { ApiError } from '../http/api-error';
import { problemText } from './problem-text';
import { versionsApi } from './versions.api';

interface Props {
  workflowKey: string;
  onPublished: (version: number) => void;
  /** Errors the draft review found: Publish is disabled, and says why, before it is pressed. */
  blockingErrors?: number;
}

function ProblemItems({ problems, testId }: { problems: Problem[]; testId: string }) {
  const { t, i18n } = useTranslation();
  return (
    <ul className="publish-problems" data-testid={testId}>
      {problems.map((p, i) => (
        <li key={i} className={p.severity === 'error' ? 'error' : 'warn'} data-code={p.code}>
          {problemText(t, i18n.language, p)}
        </li>
      ))}
    </ul>
  );
}

/** Publish the draft (admins): a note, then the new version, its warnings, or the problems that block it (422). */
export function PublishPanel({ workflowKey, onPublished, blockingErrors = 0 }: Props) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [warnings, setWarnings] = useState<Problem[]>([]);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const publish = async () => {
    setBusy(true);
    setProblems([]);
    setWarnings([]);
    setMessage(null);
    try {
      const result = await versionsApi.publish(workflowKey, note);
      setWarnings(result.warnings.filter((p) => p.severity !== 'error'));
      setMessage({ ok: true, text: t('versions.publish.done', { version: result.version }) });
      setNote('');
      onPublished(result.version);
    } catch (e) {
      if (e instanceof ApiError) {
        const details = e.details as { problems?: Problem[] } | undefined;
        setProblems(details?.problems ?? []);
        setMessage({ ok: false, text: e.status === 422 ? t('versions.publish.invalid') : e.message });
      } else setMessage({ ok: false, text: String(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card versions-panel" data-testid="publish-panel">
      <div className="versions-panel__head">
        <h2>{t('versions.publish.title')}</h2>
        <label className="grow">
          {t('versions.publish.note')}
          <input
            data-testid="publish-note"
            value={note}
            maxLength={2000}
            onChange={(e) => setNote(e.target.value)}
            placeholder={t('versions.publish.notePlaceholder')}
          />
        </label>
        <button
          type="button"
          className="primary"
          onClick={() => void publish()}
          disabled={busy || blockingErrors > 0}
          data-testid="publish-button"
        >
          {t('versions.publish.button')}
        </button>
      </div>
      {blockingErrors > 0 && (
        <p className="error small" data-testid="publish-blocked">
          {t('versions.publish.blocked', { count: blockingErrors })}
        </p>
      )}
      {message && (
        <p
          className={message.ok ? 'ok' : 'error'}
          role={message.ok ? 'status' : 'alert'}
          data-testid="publish-result"
        >
          {message.text}
        </p>
      )}
      {problems.length > 0 && <ProblemItems problems={problems} testId="publish-problems" />}
      {warnings.length > 0 && (
        <>
          <p className="muted small">{t('versions.publish.warnings')}</p>
          <ProblemItems problems={warnings} testId="publish-warnings" />
        </>
      )}
    </section>
  );
}
