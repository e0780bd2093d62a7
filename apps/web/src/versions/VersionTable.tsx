import { useTranslation } from 'react-i18next';
import type { VersionRow } from '@ticketflow/contract';

interface Props {
  versions: VersionRow[];
  isAdmin: boolean;
  canDiff: boolean;
  onView: (version: number) => void;
  onDiff: (version: number) => void;
  onDeprecate: (version: number) => void;
  onMigrate: (version: number) => void;
}

/** The published versions of one workflow, newest first, with what an admin may do to each. */
export function VersionTable({ versions, isAdmin, canDiff, onView, onDiff, onDeprecate, onMigrate }: Props) {
  const { t, i18n } = useTranslation();
  const when = (iso: string) => new Date(iso).toLocaleString(i18n.language);
  if (versions.length === 0)
    return (
      <p className="muted" data-testid="versions-empty">
        {t('versions.noVersions')}
      </p>
    );
  return (
    <table className="table versions-table" data-testid="versions-table">
      <thead>
        <tr>
          <th>{t('versions.columns.version')}</th>
          <th>{t('versions.columns.publishedBy')}</th>
          <th>{t('versions.columns.publishedAt')}</th>
          <th>{t('versions.columns.note')}</th>
          <th>{t('versions.columns.checksum')}</th>
          <th>{t('versions.columns.activeTickets')}</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {versions.map((row) => (
          <tr
            key={row.version}
            data-testid={`version-row-${row.version}`}
            className={row.deprecatedAt ? 'is-deprecated' : undefined}
          >
            <td>
              <strong>{t('versions.versionLabel', { version: row.version })}</strong>
              {row.deprecatedAt && (
                <span className="badge" data-testid={`version-deprecated-${row.version}`}>
                  {t('versions.deprecated')}
                </span>
              )}
            </td>
            <td>{row.publishedBy ?? '—'}</td>
            <td>{when(row.publishedAt)}</td>
            <td data-testid={`version-note-${row.version}`}>{row.note ?? ''}</td>
            <td>
              <code title={row.checksum}>{row.checksum.slice(0, 8)}</code>
            </td>
            <td data-testid={`version-active-${row.version}`}>{row.activeTickets}</td>
            <td className="row-actions">
              <button
                type="button"
                onClick={() => onView(row.version)}
                data-testid={`version-view-${row.version}`}
              >
                {t('versions.actions.view')}
              </button>
              {canDiff && row.version > 1 && (
                <button
                  type="button"
                  onClick={() => onDiff(row.version)}
                  data-testid={`version-diff-${row.version}`}
                >
                  {t('versions.actions.diffPrevious')}
                </button>
              )}
              {isAdmin && (
                <button
                  type="button"
                  onClick={() => onMigrate(row.version)}
                  data-testid={`version-migrate-${row.version}`}
                >
                  {t('versions.actions.migrate')}
                </button>
              )}
              {isAdmin && !row.deprecatedAt && (
                <button
                  type="button"
                  className="danger"
                  onClick={() => onDeprecate(row.version)}
                  data-testid={`version-deprecate-${row.version}`}
                >
                  {t('versions.actions.deprecate')}
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
