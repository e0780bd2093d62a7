import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { workflowsApi } from '../../http/workflows.api';
import { NewWorkflowForm } from './NewWorkflowForm';
import { TemplatePicker } from './TemplatePicker';
import type { WorkflowSummary } from '@ticketflow/contract';

/** `/designer`: every workflow with its draft and version state, plus "new" and "from template". */
export function WorkflowListPage() {
  const { t, i18n } = useTranslation();
  const [workflows, setWorkflows] = useState<WorkflowSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    workflowsApi
      .list()
      .then((list) => live && setWorkflows(list))
      .catch((err: Error) => live && setError(err.message));
    return () => {
      live = false;
    };
  }, []);

  return (
    <main className="page workflow-list">
      <h1>{t('designer.list.title')}</h1>
      <p className="muted">{t('designer.list.description')}</p>
      <div className="list-actions">
        <NewWorkflowForm existing={workflows?.map((w) => w.key) ?? []} />
        <TemplatePicker existing={workflows?.map((w) => w.key) ?? []} />
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {!workflows && !error && <p className="muted">{t('common.loading')}</p>}
      {workflows && workflows.length === 0 && <p className="muted">{t('designer.list.empty')}</p>}
      {workflows && workflows.length > 0 && (
        <table className="table" data-testid="workflow-list">
          <thead>
            <tr>
              <th>{t('designer.list.name')}</th>
              <th>{t('designer.list.key')}</th>
              <th>{t('designer.list.latestVersion')}</th>
              <th>{t('designer.list.draft')}</th>
            </tr>
          </thead>
          <tbody>
            {workflows.map((w) => (
              <tr key={w.key} data-testid={`workflow-row-${w.key}`}>
                <td>
                  <Link to={`/designer/${encodeURIComponent(w.key)}`}>{w.name}</Link>
                </td>
                <td>
                  <code>{w.key}</code>
                </td>
                <td>{w.latestVersion ?? '—'}</td>
                <td>
                  {w.hasDraft
                    ? t('designer.list.draftInfo', {
                        revision: w.draftRevision,
                        when: w.draftUpdatedAt
                          ? new Date(w.draftUpdatedAt).toLocaleString(i18n.language)
                          : '',
                      })
                    : '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
