import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Problem, WorkflowDefinition } from '@ticketflow/definition';
import { validateLocally } from '../designer/model/pure-libs';
import { VersionDiagram } from './VersionDiagram';
import { problemPlace, problemText } from './problem-text';
import { versionsApi } from './versions.api';

interface Props {
  workflowKey: string;
  /** Changes when the draft may have changed (after a publish). */
  revision?: number;
  /** Reports whether the draft has blocking errors, so Publish can say so before it is pressed. */
  onChecked: (errors: number) => void;
}

/**
 * The draft before it is published: its diagram, and its problems found by the
 * same validator the server runs — translated, errors first, each one marking
 * its node on the diagram and linking to the Designer.
 * Side effects: one GET of the draft.
 */
export function DraftReview({ workflowKey, revision, onChecked }: Props) {
  const { t, i18n } = useTranslation();
  const [definition, setDefinition] = useState<WorkflowDefinition | null>(null);
  const [focused, setFocused] = useState<string>();

  useEffect(() => {
    let live = true;
    versionsApi.draft(workflowKey).then(
      (draft) => live && setDefinition(draft.definition),
      () => live && setDefinition(null),
    );
    return () => {
      live = false;
    };
  }, [workflowKey, revision]);

  const problems = useMemo<Problem[]>(() => {
    if (!definition) return [];
    const found = validateLocally(definition).problems;
    return [...found].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  }, [definition]);
  const errors = problems.filter((p) => p.severity === 'error').length;
  useEffect(() => {
    if (definition) onChecked(errors);
  }, [definition, errors, onChecked]);

  const nodeClasses = useMemo(() => {
    const classes = new Map<string, string>();
    for (const p of problems)
      if (p.nodeId && !classes.has(p.nodeId))
        classes.set(p.nodeId, p.severity === 'error' ? 'has-error' : 'has-warning');
    if (focused) classes.set(focused, `${classes.get(focused) ?? ''} is-focused`.trim());
    return classes;
  }, [problems, focused]);

  if (!definition) return null;
  return (
    <section className="card versions-panel" data-testid="draft-review">
      <div className="versions-panel__head">
        <h2>{t('versions.review.title')}</h2>
        <span className={errors ? 'error' : 'ok'} data-testid="draft-verdict">
          {errors
            ? t('versions.review.blocked', { count: errors })
            : problems.length
              ? t('versions.review.warningsOnly', { count: problems.length })
              : t('versions.review.ready')}
        </span>
      </div>
      <div className="diff-body">
        <VersionDiagram definition={definition} nodeClasses={nodeClasses} testId="draft-diagram" />
        <div className="diff-changes">
          <h3>{t('designer.problems.title')}</h3>
          {problems.length === 0 ? (
            <p className="muted">{t('designer.problems.none')}</p>
          ) : (
            <ul className="publish-problems" data-testid="draft-problems">
              {problems.map((p, i) => {
                const place = problemPlace(definition, p);
                return (
                  <li
                    key={i}
                    className={p.severity === 'error' ? 'error' : 'warn'}
                    data-testid={`draft-problem-${p.code}`}
                    data-node-id={p.nodeId}
                  >
                    <strong>{t(`designer.problems.${p.severity}`)}</strong>
                    {t('versions.review.colon')}
                    {place && (
                      <button
                        type="button"
                        className="link-button"
                        onClick={() => setFocused(p.nodeId)}
                        title={t('versions.review.showOnDiagram')}
                      >
                        {place}
                      </button>
                    )}
                    {place && t('versions.review.colon')}
                    {problemText(t, i18n.language, p)}{' '}
                    <Link to={`/designer/${encodeURIComponent(workflowKey)}`} className="small">
                      {t('versions.review.fixInDesigner')}
                    </Link>
                  </li>
                );
              })}
            </ul>
          )}
        </div>
      </div>
    </section>
  );
}
