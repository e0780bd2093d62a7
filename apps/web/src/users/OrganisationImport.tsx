import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../http/api-error';
import { organisationApi, type ImportProblem, type ImportResult } from './organisation.api';

const EXAMPLE =
  'username,manager,groups,regions,skills\nagent,manager,service-desk,east;west,refunds;returns';

/**
 * CSV import of the organisation: paste or pick a file, check it (nothing is
 * written), then import. A refused file lists every problem by line, user and
 * column; the server writes all rows or none.
 */
export function OrganisationImport({ onImported }: { onImported: () => void }) {
  const { t } = useTranslation();
  const [csv, setCsv] = useState('');
  const [result, setResult] = useState<ImportResult | null>(null);
  const [problems, setProblems] = useState<ImportProblem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (dryRun: boolean) => {
    setBusy(true);
    setResult(null);
    setProblems(null);
    setError(null);
    try {
      const answer = await organisationApi.importCsv(csv, dryRun);
      setResult(answer);
      if (!dryRun) onImported();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'import-rejected' && Array.isArray(e.details))
        setProblems(e.details as ImportProblem[]);
      else setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="org-import" aria-labelledby="org-import-title" data-testid="org-import">
      <h2 id="org-import-title">{t('organisation.importTitle')}</h2>
      <p className="small muted">{t('organisation.importHint')}</p>
      <label>
        {t('organisation.importFile')}
        <input
          type="file"
          accept=".csv,text/csv"
          data-testid="org-import-file"
          onChange={async (e) => {
            const file = e.target.files?.[0];
            if (file) setCsv(await file.text());
          }}
        />
      </label>
      <label>
        {t('organisation.importText')}
        <textarea
          rows={5}
          data-testid="org-import-text"
          placeholder={EXAMPLE}
          value={csv}
          onChange={(e) => setCsv(e.target.value)}
        />
      </label>
      <div className="row">
        <button
          type="button"
          data-testid="org-import-check"
          disabled={busy || !csv.trim()}
          onClick={() => run(true)}
        >
          {t('organisation.importCheck')}
        </button>
        <button
          type="button"
          className="primary"
          data-testid="org-import-run"
          disabled={busy || !csv.trim()}
          onClick={() => run(false)}
        >
          {t('organisation.importRun')}
        </button>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {result && (
        <p className="notice" role="status" data-testid="org-import-result">
          {t(result.dryRun ? 'organisation.importChecked' : 'organisation.importDone', {
            changed: result.changed.length,
            unchanged: result.unchanged.length,
          })}
          {result.changed.length > 0 && ` (${result.changed.join(', ')})`}
        </p>
      )}
      {problems && (
        <div role="alert" data-testid="org-import-problems">
          <p className="error">{t('organisation.importRejected', { count: problems.length })}</p>
          <table className="users-table">
            <thead>
              <tr>
                <th>{t('organisation.line')}</th>
                <th>{t('users.user')}</th>
                <th>{t('organisation.column')}</th>
                <th>{t('organisation.problem')}</th>
              </tr>
            </thead>
            <tbody>
              {problems.map((problem, index) => (
                <tr key={index} data-testid={`org-import-problem-${problem.line}`}>
                  <td>{problem.line}</td>
                  <td>{problem.username ?? '—'}</td>
                  <td>{problem.field}</td>
                  <td>{problem.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
