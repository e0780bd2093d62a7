import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../http/api-error';
import { versionsApi } from './versions.api';
import type { MigrationReport } from '@ticketflow/contract';

interface Props {
  workflowKey: string;
  toVersion: number;
  onClose: () => void;
  onMigrated: () => void;
}

/**
 * Migrating running tickets to `toVersion` (admins): the mapping table (each
 * step tickets wait at → a step of the target), a dry run with the verdict per
 * ticket, then the migration itself.
 */
export function MigrationDialog({ workflowKey, toVersion, onClose, onMigrated }: Props) {
  const { t } = useTranslation();
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [report, setReport] = useState<MigrationReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = useCallback(
    async (dryRun: boolean, nextMapping: Record<string, string>) => {
      setBusy(true);
      setError(null);
      try {
        const result = await versionsApi.migrate(workflowKey, { toVersion, mapping: nextMapping, dryRun });
        setReport(result);
        if (!dryRun) onMigrated();
      } catch (e) {
        setError(e instanceof ApiError ? e.message : String(e));
      } finally {
        setBusy(false);
      }
    },
    [workflowKey, toVersion, onMigrated],
  );

  useEffect(() => {
    void run(true, {});
  }, [run]);

  const setTarget = (nodeId: string, target: string) => {
    const next = { ...mapping };
    if (target === '') delete next[nodeId];
    else next[nodeId] = target;
    setMapping(next);
  };

  return (
    <div
      className="dialog-backdrop"
      role="dialog"
      aria-modal="true"
      aria-labelledby="migration-title"
      data-testid="migration-dialog"
    >
      <div className="dialog card migration-dialog">
        <div className="versions-panel__head">
          <h2 id="migration-title">{t('versions.migrate.title', { version: toVersion })}</h2>
          <button type="button" onClick={onClose} data-testid="migration-close">
            {t('versions.migrate.close')}
          </button>
        </div>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        {report && (
          <>
            <h3>{t('versions.migrate.mapping')}</h3>
            {report.mapping.length === 0 ? (
              <p className="muted" data-testid="migration-nothing">
                {t('versions.migrate.nothing')}
              </p>
            ) : (
              <table className="table" data-testid="migration-mapping">
                <thead>
                  <tr>
                    <th>{t('versions.migrate.fromStep')}</th>
                    <th>{t('versions.migrate.tickets')}</th>
                    <th>{t('versions.migrate.toStep')}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.mapping.map((row) => (
                    <tr key={`${row.fromVersion}:${row.nodeId}`}>
                      <td>
                        {t('versions.versionLabel', { version: row.fromVersion })} · {row.name}{' '}
                        <span className="muted small">({row.nodeId})</span>
                      </td>
                      <td>{row.tickets}</td>
                      <td>
                        <select
                          data-testid={`mapping-${row.nodeId}`}
                          value={mapping[row.nodeId] ?? row.toNode ?? ''}
                          onChange={(e) => setTarget(row.nodeId, e.target.value)}
                        >
                          <option value="">{t('versions.migrate.unmapped')}</option>
                          {report.targetNodes.map((node) => (
                            <option key={node.id} value={node.id}>
                              {node.name} ({node.id})
                            </option>
                          ))}
                        </select>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <p data-testid="migration-summary">
              {report.dryRun
                ? t('versions.migrate.dryRunSummary', {
                    ready: report.summary.ready,
                    refused: report.summary.refused,
                  })
                : t('versions.migrate.doneSummary', {
                    migrated: report.summary.migrated,
                    refused: report.summary.refused,
                    failed: report.summary.failed,
                  })}
            </p>
            {report.tickets.length > 0 && (
              <table className="table" data-testid="migration-tickets">
                <tbody>
                  {report.tickets.map((ticket) => (
                    <tr
                      key={ticket.ticketId}
                      data-testid={`migration-ticket-${ticket.ticketId}`}
                      data-result={ticket.result}
                    >
                      <td>
                        <Link to={`/tickets/${ticket.ticketId}`}>#{ticket.number}</Link> {ticket.title}
                      </td>
                      <td>
                        {t('versions.versionLabel', { version: ticket.fromVersion })} ·{' '}
                        {ticket.activeNodes.join(', ')}
                      </td>
                      <td
                        className={ticket.result === 'refused' || ticket.result === 'failed' ? 'error' : 'ok'}
                      >
                        {t(`versions.migrate.result.${ticket.result}`)}
                        {ticket.targetNodes && ticket.result !== 'refused'
                          ? ` → ${ticket.targetNodes.join(', ')}`
                          : ''}
                        {ticket.reason ? <div className="small">{ticket.reason}</div> : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </>
        )}
        <div className="dialog-actions">
          <button
            type="button"
            onClick={() => void run(true, mapping)}
            disabled={busy}
            data-testid="migration-dry-run"
          >
            {t('versions.migrate.dryRun')}
          </button>
          <button
            type="button"
            className="primary"
            onClick={() => void run(false, mapping)}
            disabled={busy || !report || report.summary.ready === 0}
            data-testid="migration-execute"
          >
            {t('versions.migrate.execute')}
          </button>
        </div>
      </div>
    </div>
  );
}
