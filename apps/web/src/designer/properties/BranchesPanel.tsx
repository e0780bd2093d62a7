import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { Condition, FieldDefinition, WorkflowEdge } from '@ticketflow/definition';
import { useDesignerStore } from '../store/designer.store';
import { branchesOf } from '../commands/branch-commands';
import { ConditionBuilder } from '../conditions/ConditionBuilder';
import { newRule, normalizeRoot } from '../conditions/condition-model';
import { describeCondition } from '../model/pure-libs';

/**
 * A decision's branches where they live: in the order they are tried, each with
 * its target and its condition in the no-code builder; one explicit "otherwise".
 * Reorder by dragging a branch (or with its ↑ ↓ buttons). Every change is one
 * named command (edge.update, branches.reorder, branches.otherwise, edge.remove).
 */
export function BranchesPanel({ decisionId }: { decisionId: string }) {
  const { t } = useTranslation();
  const branches = useDesignerStore(useShallow((s) => branchesOf(s.definition, decisionId)));
  const nodes = useDesignerStore((s) => s.definition.nodes);
  const dispatch = useDesignerStore((s) => s.dispatch);
  const [dragging, setDragging] = useState<string | null>(null);
  const nameOf = (id: string) => {
    const node = nodes.find((n) => n.id === id);
    return node ? node.name || t(`nodeTypes.${node.type}`) : id;
  };
  const conditional = branches.filter((e) => !e.default);
  const otherwise = branches.find((e) => e.default);

  function move(id: string, to: number) {
    const ids = conditional.map((e) => e.id).filter((x) => x !== id);
    ids.splice(Math.max(0, Math.min(to, ids.length)), 0, id);
    if (ids.join() === conditional.map((e) => e.id).join()) return;
    dispatch({ type: 'branches.reorder', payload: { decisionId, edgeIds: ids } });
  }

  return (
    <section className="branches" aria-labelledby={`branches-${decisionId}`} data-testid="branches-panel">
      <h4 id={`branches-${decisionId}`}>{t('designer.branches.title')}</h4>
      {branches.length === 0 && <p className="muted small">{t('designer.branches.none')}</p>}
      <ol className="branch-list">
        {conditional.map((edge, index) => (
          <li
            key={edge.id}
            className={`branch${dragging === edge.id ? ' is-dragging' : ''}`}
            data-testid={`branch-${edge.id}`}
            onDragOver={(e) => dragging && e.preventDefault()}
            onDrop={(e) => {
              e.preventDefault();
              if (dragging) move(dragging, index);
              setDragging(null);
            }}
          >
            <div className="branch__head">
              <span
                className="branch__grip"
                draggable
                onDragStart={(e) => {
                  e.dataTransfer.setData('text/plain', edge.id);
                  setDragging(edge.id);
                }}
                onDragEnd={() => setDragging(null)}
                title={t('designer.branches.drag')}
                aria-hidden
              >
                ⠿
              </span>
              <span className="branch__number">{index + 1}.</span>
              <span className="grow">
                {t('designer.branches.goTo')} <strong>{nameOf(edge.target)}</strong>
              </span>
              <button
                type="button"
                className="icon"
                aria-label={t('designer.branches.up')}
                title={t('designer.branches.up')}
                disabled={index === 0}
                onClick={() => move(edge.id, index - 1)}
                data-testid={`branch-up-${edge.id}`}
              >
                ↑
              </button>
              <button
                type="button"
                className="icon"
                aria-label={t('designer.branches.down')}
                title={t('designer.branches.down')}
                disabled={index === conditional.length - 1}
                onClick={() => move(edge.id, index + 1)}
                data-testid={`branch-down-${edge.id}`}
              >
                ↓
              </button>
              <button
                type="button"
                className="icon danger"
                aria-label={t('designer.branches.remove')}
                title={t('designer.branches.remove')}
                onClick={() => dispatch({ type: 'edge.remove', payload: { edgeIds: [edge.id] } })}
              >
                ×
              </button>
            </div>
            <BranchCondition edge={edge} />
          </li>
        ))}
      </ol>
      <label className="branch-otherwise">
        {t('designer.branches.otherwise')}
        <select
          data-testid="branch-otherwise"
          value={otherwise?.id ?? ''}
          onChange={(e) =>
            dispatch({ type: 'branches.otherwise', payload: { decisionId, edgeId: e.target.value || null } })
          }
        >
          <option value="">{t('designer.branches.noOtherwise')}</option>
          {branches.map((edge) => (
            <option key={edge.id} value={edge.id}>
              {nameOf(edge.target)}
            </option>
          ))}
        </select>
      </label>
      <p className="muted small">{t('designer.branches.hint')}</p>
    </section>
  );
}

function BranchCondition({ edge }: { edge: WorkflowEdge }) {
  const { i18n } = useTranslation();
  const fields = useDesignerStore((s) => s.definition.fields);
  const dispatch = useDesignerStore((s) => s.dispatch);
  const change = (condition: Condition) => {
    const current = useDesignerStore.getState().definition.edges.find((e) => e.id === edge.id);
    if (current) dispatch({ type: 'edge.update', payload: { edge: { ...current, condition } } });
  };
  const addField = (field: FieldDefinition) => {
    const current = useDesignerStore.getState().definition.edges.find((e) => e.id === edge.id);
    if (!current) return;
    // One step: the field, and a first rule on it in this branch.
    dispatch({
      type: 'batch',
      payload: {
        as: 'field.add',
        commands: [
          { type: 'field.add', payload: { field } },
          { type: 'edge.update', payload: { edge: { ...current, condition: { all: [newRule(field)] } } } },
        ],
      },
    });
  };
  return (
    <>
      <ConditionBuilder condition={edge.condition} fields={fields} onChange={change} onAddField={addField} />
      <p className="cond-preview small" data-testid={`branch-text-${edge.id}`}>
        {describeCondition(normalizeRoot(edge.condition), fields, i18n.language)}
      </p>
    </>
  );
}
