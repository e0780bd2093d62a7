import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useParams } from 'react-router';
import type { WorkflowDefinition } from '@ticketflow/definition';
import { workflowsApi } from '../http/workflows.api';
import { isApiError } from '../http/api-error';
import { useDesignerStore } from './store/designer.store';
import { emptyDefinition } from './model/node-catalog';
import { DesignerWorkspace } from './DesignerWorkspace';

/**
 * `/designer/:key`: loads the draft (or, for a new workflow, the definition handed
 * over by the list page) into the designer store, then shows the workspace.
 */
export function DesignerPage() {
  const { t } = useTranslation();
  const { key = '' } = useParams();
  const location = useLocation();
  const initial = (location.state as { initial?: WorkflowDefinition } | null)?.initial;
  const load = useDesignerStore((s) => s.load);
  const [state, setState] = useState<'loading' | 'ready' | 'error'>('loading');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    setState('loading');
    workflowsApi
      .getDraft(key)
      .then((draft) => {
        if (!live) return;
        load(draft.definition, draft.revision);
        useDesignerStore.getState().setProblems(draft.problems ?? []);
        setState('ready');
      })
      .catch((err: unknown) => {
        if (!live) return;
        if (isApiError(err) && err.status === 404) {
          load(initial ?? emptyDefinition(key, key), null);
          setState('ready');
        } else {
          setError(err instanceof Error ? err.message : String(err));
          setState('error');
        }
      });
    return () => {
      live = false;
    };
  }, [key, initial, load]);

  if (state === 'loading') return <p className="page muted">{t('common.loading')}</p>;
  if (state === 'error')
    return (
      <p className="page error" role="alert">
        {error}
      </p>
    );
  return <DesignerWorkspace workflowKey={key} />;
}
