import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesignerStore } from '../store/designer.store';
import { problemText } from '../../versions/problem-text';

/** Problems of the draft, errors first; a click selects and centres the node or edge concerned. */
interface Props {
  /** Called after a click, so the workspace can show the matching side tab. */
  onNavigate?: (target: 'element' | 'fields') => void;
}

function ProblemsListInner({ onNavigate }: Props) {
  const { t, i18n } = useTranslation();
  // The validator writes English; other languages show the code's meaning only (the English text is the tooltip).
  const translated = !i18n.language.startsWith('en');
  const problems = useDesignerStore((s) => s.problems);
  const focusOn = useDesignerStore((s) => s.focusOn);
  const sorted = [...problems].sort((a, b) =>
    a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1,
  );
  const errors = problems.filter((p) => p.severity === 'error').length;
  // Collapsed, it is one line with the count, so it never takes the canvas' room.
  const [open, setOpen] = useState(false);

  return (
    <section className="problems" aria-label={t('designer.problems.title')}>
      <h3 style={{ margin: 0 }}>
        <button
          type="button"
          className="problems__toggle"
          aria-expanded={open}
          aria-controls="problems-list"
          data-testid="problems-toggle"
          onClick={() => setOpen((o) => !o)}
        >
          <span aria-hidden>{open ? '▾' : '▸'}</span>
          {t('designer.problems.title')}
          <span className={`problems__count${errors ? ' has-errors' : ''}`} data-testid="problems-count">
            {problems.length}
          </span>
          <span className="muted small" data-testid="problems-summary">
            {problems.length === 0
              ? t('designer.problems.none')
              : t('designer.problems.summary', {
                  errors: t('designer.problems.errorCount', { count: errors }),
                  warnings: t('designer.problems.warningCount', { count: problems.length - errors }),
                })}
          </span>
        </button>
      </h3>
      <ul id="problems-list" data-testid="problems-list" hidden={!open}>
        {sorted.map((p, i) => (
          <li
            key={`${p.code}-${p.nodeId ?? ''}-${p.edgeId ?? ''}-${i}`}
            className={`problem problem--${p.severity}`}
            data-testid={`problem-${p.code}`}
            data-node-id={p.nodeId}
            data-edge-id={p.edgeId}
          >
            <button
              type="button"
              title={translated ? p.message : undefined}
              disabled={!p.nodeId && !p.edgeId && !isFieldProblem(p.path)}
              onClick={() => {
                if (p.nodeId || p.edgeId) {
                  focusOn({ nodeId: p.nodeId, edgeId: p.nodeId ? undefined : p.edgeId });
                  onNavigate?.('element');
                } else onNavigate?.('fields');
              }}
            >
              <span className="problem__severity">{t(`designer.problems.${p.severity}`)}</span>
              <span>{translated ? problemText(t, i18n.language, p) : p.message}</span>
              {(p.nodeId || p.edgeId) && <code className="muted small">{p.nodeId ?? p.edgeId}</code>}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

function isFieldProblem(path: string | undefined): boolean {
  return path?.startsWith('/fields') ?? false;
}

export const ProblemsList = memo(ProblemsListInner);
