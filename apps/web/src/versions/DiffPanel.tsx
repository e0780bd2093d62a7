import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeChanges } from '@ticketflow/rules';
import { ApiError } from '../http/api-error';
import { diffView } from './diff-view';
import { VersionDiagram } from './VersionDiagram';
import { versionsApi } from './versions.api';
import type { DefinitionRef, DiffResponse } from '@ticketflow/contract';

interface Props {
  workflowKey: string;
  from: DefinitionRef;
  to: DefinitionRef;
  /** Choices for both sides: the versions, and the draft when the user may read it. */
  refs: DefinitionRef[];
  onChange: (from: DefinitionRef, to: DefinitionRef) => void;
}

const refValue = (ref: DefinitionRef) => String(ref);
const parseRef = (value: string): DefinitionRef => (value === 'draft' ? 'draft' : Number(value));

/** The visual diff: both sides on one diagram with changes coloured, and the change list in words. */
export function DiffPanel({ workflowKey, from, to, refs, onChange }: Props) {
  const { t, i18n } = useTranslation();
  const [response, setResponse] = useState<DiffResponse | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    setError(null);
    versionsApi
      .diff(workflowKey, from, to, 'en')
      .then((r) => live && setResponse(r))
      .catch((e: unknown) => live && setError(e instanceof ApiError ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, [workflowKey, from, to]);

  const view = useMemo(
    () => (response ? diffView(response.from.definition, response.to.definition, response.diff) : null),
    [response],
  );
  const changes = useMemo(
    () =>
      response
        ? describeChanges(
            response.diff.changes,
            response.from.definition,
            response.to.definition,
            i18n.language.startsWith('zh') ? 'zh' : 'en',
          )
        : [],
    [response, i18n.language],
  );
  const label = (ref: DefinitionRef) =>
    ref === 'draft' ? t('versions.draft') : t('versions.versionLabel', { version: ref });

  return (
    <section className="card versions-panel" data-testid="diff-panel">
      <div className="versions-panel__head">
        <h2>{t('versions.diff.title')}</h2>
        <label>
          {t('versions.diff.from')}
          <select
            data-testid="diff-from"
            value={refValue(from)}
            onChange={(e) => onChange(parseRef(e.target.value), to)}
          >
            {refs.map((ref) => (
              <option key={refValue(ref)} value={refValue(ref)}>
                {label(ref)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('versions.diff.to')}
          <select
            data-testid="diff-to"
            value={refValue(to)}
            onChange={(e) => onChange(from, parseRef(e.target.value))}
          >
            {refs.map((ref) => (
              <option key={refValue(ref)} value={refValue(ref)}>
                {label(ref)}
              </option>
            ))}
          </select>
        </label>
        <span className="diff-legend">
          <span className="diff-chip diff-chip--added">{t('versions.diff.added')}</span>
          <span className="diff-chip diff-chip--changed">{t('versions.diff.changed')}</span>
          <span className="diff-chip diff-chip--removed">{t('versions.diff.removed')}</span>
        </span>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {response && view && (
        <div className="diff-body">
          <VersionDiagram
            definition={view.definition}
            nodeStatus={view.nodes}
            edgeStatus={view.edges}
            testId="diff-diagram"
          />
          <div className="diff-changes">
            <h3>{t('versions.diff.changes', { count: changes.length })}</h3>
            {changes.length === 0 ? (
              <p className="muted" data-testid="diff-identical">
                {t('versions.diff.identical')}
              </p>
            ) : (
              <ul data-testid="diff-changes">
                {changes.map((change, index) => (
                  <li
                    key={index}
                    data-testid="diff-change"
                    data-node={change.nodeId}
                    data-edge={change.edgeId}
                  >
                    {change.text}
                  </li>
                ))}
              </ul>
            )}
          </div>
        </div>
      )}
    </section>
  );
}
