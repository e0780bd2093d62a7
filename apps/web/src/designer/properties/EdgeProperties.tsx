import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Condition, WorkflowEdge } from '@ticketflow/definition';
import { useDesignerStore } from '../store/designer.store';
import { exitsOf, leavesByOutcome, branchesByCondition } from '../model/node-catalog';
import { describeCondition } from '../model/pure-libs';
import { ConditionBuilder } from '../conditions/ConditionBuilder';
import { normalizeRoot } from '../conditions/condition-model';
import { removeSelection } from '../store/designer-actions';

type EdgeKind = 'condition' | 'default';

/**
 * An edge: which outcome it follows, or (from a decision) its condition or whether
 * it is the decision's one otherwise branch; priority and label.
 */
export function EdgeProperties({ edgeId }: { edgeId: string }) {
  const { t, i18n } = useTranslation();
  const edge = useDesignerStore((s) => s.definition.edges.find((e) => e.id === edgeId));
  const source = useDesignerStore((s) => s.definition.nodes.find((n) => n.id === edge?.source));
  const target = useDesignerStore((s) => s.definition.nodes.find((n) => n.id === edge?.target));
  const fields = useDesignerStore((s) => s.definition.fields);
  const dispatch = useDesignerStore((s) => s.dispatch);

  const update = useCallback(
    (change: (e: WorkflowEdge) => WorkflowEdge, mergeKey?: string) => {
      const current = useDesignerStore.getState().definition.edges.find((e) => e.id === edgeId);
      if (current)
        dispatch({
          type: 'edge.update',
          payload: { edge: change(current) },
          ...(mergeKey ? { mergeKey: `${edgeId}:${mergeKey}` } : {}),
        });
    },
    [edgeId, dispatch],
  );

  if (!edge) return null;
  const fromDecision = branchesByCondition(source);
  const byOutcome = source ? leavesByOutcome(source) : false;
  const kind: EdgeKind = edge.default ? 'default' : 'condition';

  return (
    <div className="props" data-testid="edge-properties" data-edge-id={edge.id}>
      <div className="row">
        <h3 className="grow">
          {t('designer.props.edge')} <code className="muted small">{edge.id}</code>
        </h3>
        <button type="button" className="danger" data-testid="prop-remove" onClick={removeSelection}>
          {t('common.remove')}
        </button>
      </div>
      <p className="muted small">
        {source?.name ?? edge.source} → {target?.name ?? edge.target}
      </p>
      {byOutcome && source && (
        <label>
          {t('designer.props.edgeOn')}
          <select
            data-testid="prop-edge-on"
            value={edge.on ?? ''}
            onChange={(e) => update((x) => ({ ...x, on: e.target.value }))}
          >
            {!edge.on && <option value="">—</option>}
            {exitsOf(source).map((o) => (
              <option key={o} value={o}>
                {t(`outcomes.${o}`, { defaultValue: o })}
              </option>
            ))}
          </select>
        </label>
      )}
      {fromDecision && (
        <>
          <fieldset>
            <legend>{t('designer.props.edgeKind')}</legend>
            <label className="check">
              <input
                type="radio"
                name="edge-kind"
                data-testid="prop-edge-condition"
                checked={kind === 'condition'}
                onChange={() =>
                  dispatch({ type: 'branches.otherwise', payload: { decisionId: edge.source, edgeId: null } })
                }
              />
              {t('designer.props.edgeWhen')}
            </label>
            <label className="check">
              <input
                type="radio"
                name="edge-kind"
                data-testid="prop-edge-default"
                checked={kind === 'default'}
                onChange={() =>
                  dispatch({
                    type: 'branches.otherwise',
                    payload: { decisionId: edge.source, edgeId: edge.id },
                  })
                }
              />
              {t('designer.props.edgeDefault')}
            </label>
          </fieldset>
          {kind === 'condition' && (
            <>
              <ConditionBuilder
                condition={edge.condition}
                fields={fields}
                onChange={(condition: Condition) => update((x) => ({ ...x, condition }))}
              />
              <p className="cond-preview small" data-testid="cond-text">
                {describeCondition(normalizeRoot(edge.condition), fields, i18n.language)}
              </p>
              <label>
                {t('designer.props.priority')}
                <input
                  type="number"
                  data-testid="prop-edge-priority"
                  value={edge.priority ?? ''}
                  onChange={(e) =>
                    update((x) => {
                      const { priority: _p, ...rest } = x;
                      return e.target.value === '' ? rest : { ...rest, priority: Number(e.target.value) };
                    }, 'priority')
                  }
                />
              </label>
            </>
          )}
        </>
      )}
      <label>
        {t('designer.props.label')}
        <input
          data-testid="prop-edge-label"
          value={edge.label ?? ''}
          placeholder={t('designer.props.labelAuto')}
          onChange={(e) =>
            update((x) => {
              const { label: _l, ...rest } = x;
              return e.target.value ? { ...rest, label: e.target.value } : rest;
            }, 'label')
          }
        />
      </label>
    </div>
  );
}
