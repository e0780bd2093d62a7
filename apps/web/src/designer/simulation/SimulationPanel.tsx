import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldValues, WorkflowNode } from '@ticketflow/definition';
import { useDesignerStore } from '../store/designer.store';
import { FieldValueInput } from '../fields/FieldValueInput';
import { useSimulationStore } from './simulation.store';
import { useSimulation } from './use-simulation';
import { simulatedAssignee } from './simulated-assignee';

/**
 * Try the draft without saving: enter field values, start, then choose what happens
 * at each waiting step. The canvas lights up the path; the log says why each branch
 * was taken.
 */
export function SimulationPanel() {
  const { t } = useTranslation();
  const fields = useDesignerStore((s) => s.definition.fields);
  const nodes = useDesignerStore((s) => s.definition.nodes);
  const [values, setValues] = useState<FieldValues>({});
  const [eligible, setEligible] = useState<Record<string, number>>({});
  const sim = useSimulation();
  const log = useSimulationStore((s) => s.log);
  const visited = useSimulationStore((s) => s.visitedNodes);
  const status = useSimulationStore((s) => s.status);
  const outcome = useSimulationStore((s) => s.outcome);
  const error = useSimulationStore((s) => s.error);
  const running = useSimulationStore((s) => s.running);
  const nameOf = (id: string | null) => (id ? (nodes.find((n) => n.id === id)?.name ?? id) : '∅');

  return (
    <div className="simulation" data-testid="simulation-panel">
      <h3>{t('designer.sim.title')}</h3>
      <p className="muted small">{t('designer.sim.hint')}</p>
      <div className="sim-fields">
        {fields.map((f) => (
          <label key={f.name}>
            {f.label ?? f.name}
            {f.required ? ' *' : ''}
            <FieldValueInput
              field={f}
              testId={`sim-field-${f.name}`}
              value={values[f.name]}
              onChange={(v) => setValues((prev) => ({ ...prev, [f.name]: v }))}
            />
          </label>
        ))}
      </div>
      <div className="row">
        <button
          type="button"
          className="primary"
          data-testid="simulate-start"
          onClick={() => void sim.start(values)}
        >
          {running ? t('designer.sim.restart') : t('designer.sim.start')}
        </button>
        {running && (
          <button type="button" data-testid="simulate-stop" onClick={sim.stop}>
            {t('designer.sim.stop')}
          </button>
        )}
      </div>
      {sim.stale && <p className="warn small">{t('designer.sim.stale')}</p>}
      {error && (
        <p className="error small" role="alert" data-testid="sim-error">
          {error}
        </p>
      )}
      {running && status && (
        <p data-testid="sim-status" data-status={status}>
          {t('designer.sim.status', {
            status: t(`designer.sim.statuses.${status}`, { defaultValue: status }),
          })}
          {outcome && ` — ${t('designer.sim.outcome', { outcome })}`}
        </p>
      )}
      {sim.actions.length > 0 && (
        <div className="sim-actions" data-testid="sim-actions">
          <h4>{t('designer.sim.waiting')}</h4>
          {[...new Set(sim.actions.map((a) => a.nodeId))].map((nodeId) => (
            <div key={nodeId} className="sim-step">
              <strong>{nameOf(nodeId)}</strong>
              {simulatedAssignee(
                nodes.find((n) => n.id === nodeId),
                values,
                t,
              ) && (
                <div className="small muted" data-testid={`sim-who-${nodeId}`}>
                  {t('designer.sim.goesTo', {
                    who: simulatedAssignee(
                      nodes.find((n) => n.id === nodeId),
                      values,
                      t,
                    ),
                  })}
                </div>
              )}
              {needsHeadcount(nodes.find((n) => n.id === nodeId)) && (
                <label className="row small">
                  {t('designer.sim.eligible')}
                  <input
                    type="number"
                    min={1}
                    className="narrow"
                    data-testid={`sim-eligible-${nodeId}`}
                    value={eligible[nodeId] ?? defaultHeadcount(nodes.find((n) => n.id === nodeId))}
                    onChange={(e) =>
                      setEligible((prev) => ({ ...prev, [nodeId]: Math.max(1, Number(e.target.value) || 1) }))
                    }
                  />
                </label>
              )}
              <div className="row wrap">
                {sim.actions
                  .filter((a) => a.nodeId === nodeId)
                  .map((a) => (
                    <button
                      key={a.outcome}
                      type="button"
                      data-testid={`sim-action-${a.nodeId}-${a.outcome}`}
                      onClick={() =>
                        void sim.act(
                          a,
                          eligible[nodeId] ?? defaultHeadcount(nodes.find((n) => n.id === nodeId)),
                        )
                      }
                    >
                      {t(`outcomes.${a.outcome}`, { defaultValue: a.outcome })}
                    </button>
                  ))}
              </div>
            </div>
          ))}
        </div>
      )}
      {running && (
        <>
          <h4>{t('designer.sim.path')}</h4>
          <ol className="sim-path" data-testid="sim-path">
            {visited.map((id) => (
              <li key={id} data-node-id={id}>
                {nameOf(id)}
              </li>
            ))}
          </ol>
          <h4>{t('designer.sim.log')}</h4>
          <ol className="sim-log" data-testid="sim-log">
            {log.map((entry) => (
              <li key={entry.seq} data-event={entry.event}>
                <span className="muted small">{entry.event}</span> {nameOf(entry.from)} → {nameOf(entry.to)}
                {entry.text && entry.text !== entry.event && <div className="small">{entry.text}</div>}
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}

/** Approvals decided by more than one vote need to know how many people may vote. */
function needsHeadcount(node: WorkflowNode | undefined): boolean {
  // A groups policy fills its groups' seats one vote at a time; no headcount to ask for.
  return (
    node?.type === 'approval' && (node.policy?.type ?? 'any') !== 'any' && node.policy?.type !== 'groups'
  );
}

function defaultHeadcount(node: WorkflowNode | undefined): number | undefined {
  if (node?.type !== 'approval') return undefined;
  if (node.approvers && 'users' in node.approvers) return Math.max(1, node.approvers.users.length);
  return node.policy?.type === 'quorum' ? Math.max(node.policy.count, 2) : 2;
}
