import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../http/api-error';
import { versionsApi } from './versions.api';
import type { ImpactReport } from '@ticketflow/contract';

/** Impact preview: the latest version's recent tickets replayed through the draft; its one button runs it. */
export function ImpactPanel({ workflowKey }: { workflowKey: string }) {
  const { t } = useTranslation();
  const outcomeName = (outcome: string | null | undefined) =>
    outcome ? t(`outcomes.${outcome}`, { defaultValue: outcome }) : '—';
  const [limit, setLimit] = useState(500);
  const [report, setReport] = useState<ImpactReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      setReport(await versionsApi.impact(workflowKey, limit));
    } catch (e) {
      setReport(null);
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card versions-panel" data-testid="impact-panel">
      <div className="versions-panel__head">
        <h2>{t('versions.impact.title')}</h2>
        <label>
          {t('versions.impact.limit')}
          <input
            type="number"
            min={1}
            max={2000}
            value={limit}
            onChange={(e) => setLimit(Math.max(1, Math.min(2000, Number(e.target.value) || 1)))}
          />
        </label>
        <button
          type="button"
          className="primary"
          onClick={() => void run()}
          disabled={busy}
          data-testid="impact-run"
        >
          {busy ? t('versions.impact.running') : t('versions.impact.run')}
        </button>
      </div>
      <p className="muted small">{t('versions.impact.explain')}</p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {report && (
        <div data-testid="impact-result">
          <p data-testid="impact-summary">
            {t('versions.impact.summary', {
              differing: report.differing,
              sampled: report.sampled,
              version: report.version,
            })}
          </p>
          {report.groups.map((group, index) => (
            <details key={index} className="impact-group" data-testid="impact-group" open={index === 0}>
              <summary>
                <strong>{t('versions.impact.tickets', { count: group.count })}</strong>{' '}
                {[
                  group.nowVisits.length > 0 &&
                    t('versions.impact.nowVisits', { steps: group.nowVisits.map((n) => n.name).join(', ') }),
                  group.noLongerVisits.length > 0 &&
                    t('versions.impact.noLongerVisits', {
                      steps: group.noLongerVisits.map((n) => n.name).join(', '),
                    }),
                  group.outcome &&
                    t('versions.impact.outcome', {
                      before: outcomeName(group.outcome.before),
                      after: outcomeName(group.outcome.after),
                    }),
                ]
                  .filter(Boolean)
                  .join(t('versions.impact.joiner'))}
              </summary>
              <ul className="impact-tickets">
                {group.tickets.map((ticket) => (
                  <li key={ticket.ticketId}>
                    <Link to={`/tickets/${ticket.ticketId}`} data-testid={`impact-ticket-${ticket.ticketId}`}>
                      #{ticket.number} {ticket.title}
                    </Link>
                  </li>
                ))}
              </ul>
            </details>
          ))}
        </div>
      )}
    </section>
  );
}
