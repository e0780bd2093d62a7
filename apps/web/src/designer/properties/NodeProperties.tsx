import { useTranslation } from 'react-i18next';
import type {
  ActionNode,
  ApprovalNode,
  EndNode,
  JoinNode,
  SubflowNode,
  TaskNode,
  TimerNode,
  WaitNode,
  WorkflowNode,
} from '@ticketflow/definition';
import { useDesignerStore } from '../store/designer.store';
import { asTimeout } from '../duration/duration-text';
import { useNodeEditor, without } from './use-node-editor';
import { AssigneePicker } from './AssigneePicker';
import { ApprovalEditor } from './ApprovalEditor';
import { ForEachPicker } from './ForEachPicker';
import { ActionEditor } from './ActionEditor';
import { DurationInput } from './DurationInput';
import { ListEditor } from './ListEditor';
import { StepFormEditor } from './StepFormEditor';
import { removeSelection } from '../store/designer-actions';
import { BranchesPanel } from './BranchesPanel';
import { SubflowEditor } from './SubflowEditor';
import { branchesByCondition } from '../model/node-catalog';

type Update<N> = (change: (n: N) => N, mergeKey?: string) => void;

/** Properties of one node: name and description, then what its type needs. */
export function NodeProperties({ nodeId }: { nodeId: string }) {
  const { t } = useTranslation();
  const { node, update } = useNodeEditor<WorkflowNode>(nodeId);
  if (!node) return null;
  return (
    <div className="props" data-testid="node-properties" data-node-id={node.id}>
      <div className="row">
        <h3 className="grow">
          {t(`nodeTypes.${node.type}`)} <code className="muted small">{node.id}</code>
        </h3>
        <button type="button" className="danger" data-testid="prop-remove" onClick={removeSelection}>
          {t('common.remove')}
        </button>
      </div>
      <label>
        {t('designer.props.name')}
        <input
          data-testid="prop-name"
          value={node.name ?? ''}
          onChange={(e) => update((n) => ({ ...n, name: e.target.value }), 'name')}
        />
      </label>
      <label>
        {t('designer.props.description')}
        <textarea
          data-testid="prop-description"
          rows={2}
          value={node.description ?? ''}
          onChange={(e) =>
            update(
              (n) =>
                (e.target.value
                  ? { ...n, description: e.target.value }
                  : without(n, 'description')) as WorkflowNode,
              'description',
            )
          }
        />
      </label>
      <TypeSpecific node={node} update={update} />
      {branchesByCondition(node) && <BranchesPanel decisionId={node.id} />}
    </div>
  );
}

function TypeSpecific({ node, update }: { node: WorkflowNode; update: Update<WorkflowNode> }) {
  const { t } = useTranslation();
  const dateFields = useDesignerStore((s) => s.definition.fields).filter((f) => f.type === 'date');
  switch (node.type) {
    case 'end': {
      const up = update as Update<EndNode>;
      return (
        <label>
          {t('designer.props.endOutcome')}
          <input
            list="end-outcomes"
            data-testid="prop-end-outcome"
            value={node.outcome ?? ''}
            onChange={(e) => up((n) => ({ ...n, outcome: e.target.value }), 'outcome')}
          />
          <datalist id="end-outcomes">
            <option value="resolved" />
            <option value="rejected" />
            <option value="cancelled" />
          </datalist>
        </label>
      );
    }
    case 'task': {
      const up = update as Update<TaskNode>;
      return (
        <>
          <AssigneePicker value={node.assignee} onChange={(assignee) => up((n) => ({ ...n, assignee }))} />
          <ForEachPicker node={node} update={up} />
          <ListEditor
            testId="prop-outcomes"
            label={t('designer.props.taskOutcomes')}
            items={node.outcomes ?? ['completed']}
            onChange={(items) =>
              up((n) =>
                items.length === 0 || (items.length === 1 && items[0] === 'completed')
                  ? without(n, 'outcomes')
                  : { ...n, outcomes: items },
              )
            }
          />
          <DurationInput
            testId="prop-timeout"
            label={t('designer.props.timeoutAfter')}
            optional
            value={node.timeout}
            onChange={(d) => up((n) => (d ? { ...n, timeout: asTimeout(d) } : without(n, 'timeout')))}
          />
          <StepFormEditor node={node} update={up} />
        </>
      );
    }
    case 'approval':
      return (
        <>
          <ApprovalEditor node={node} update={update as Update<ApprovalNode>} />
          <StepFormEditor node={node} update={update as Update<ApprovalNode>} />
        </>
      );
    case 'join': {
      const up = update as Update<JoinNode>;
      return (
        <label>
          {t('designer.props.joinCount')}
          <input
            type="number"
            min={1}
            data-testid="prop-join-count"
            placeholder={t('designer.props.joinAll')}
            value={node.require?.count ?? ''}
            onChange={(e) =>
              up((n) =>
                e.target.value
                  ? { ...n, require: { count: Math.max(1, Number(e.target.value)) } }
                  : without(n, 'require'),
              )
            }
          />
        </label>
      );
    }
    case 'timer': {
      const up = update as Update<TimerNode>;
      const mode = node.until !== undefined ? 'until' : 'after';
      return (
        <>
          <label>
            {t('designer.props.timerMode')}
            <select
              data-testid="prop-timer-mode"
              value={mode}
              onChange={(e) =>
                up((n) => {
                  const base = without(without(n, 'after'), 'until');
                  return e.target.value === 'until'
                    ? { ...base, until: dateFields[0]?.name ?? '' }
                    : { ...base, after: 'PT1H' };
                })
              }
            >
              <option value="after">{t('designer.props.timerAfter')}</option>
              <option value="until">{t('designer.props.timerUntil')}</option>
            </select>
          </label>
          {mode === 'after' ? (
            <DurationInput
              testId="prop-timer-after"
              label={t('designer.props.timerAfter')}
              value={
                node.after ? { after: node.after, businessHours: node.businessHours ?? false } : undefined
              }
              onChange={(d) =>
                d &&
                up((n) => ({
                  ...without(n, 'businessHours'),
                  after: d.after,
                  ...(d.businessHours ? { businessHours: true } : {}),
                }))
              }
            />
          ) : (
            <label>
              {t('designer.props.timerUntilField')}
              <select
                data-testid="prop-timer-until"
                value={node.until}
                onChange={(e) => up((n) => ({ ...n, until: e.target.value }))}
              >
                {!dateFields.some((f) => f.name === node.until) && (
                  <option value={node.until}>{node.until || '—'}</option>
                )}
                {dateFields.map((f) => (
                  <option key={f.name} value={f.name}>
                    {f.label ?? f.name}
                  </option>
                ))}
              </select>
            </label>
          )}
        </>
      );
    }
    case 'wait': {
      const up = update as Update<WaitNode>;
      return (
        <>
          <label>
            {t('designer.props.waitMessage')}
            <input
              data-testid="prop-wait-message"
              value={node.message}
              onChange={(e) => up((n) => ({ ...n, message: e.target.value }), 'message')}
            />
            <span className="muted small">
              {t('designer.props.waitHint', { message: node.message || '…' })}
            </span>
          </label>
          <DurationInput
            testId="prop-timeout"
            label={t('designer.props.timeoutAfter')}
            optional
            value={node.timeout}
            onChange={(d) => up((n) => (d ? { ...n, timeout: asTimeout(d) } : without(n, 'timeout')))}
          />
        </>
      );
    }
    case 'action':
      return <ActionEditor node={node} update={update as Update<ActionNode>} />;
    case 'subflow':
      return <SubflowEditor node={node} update={update as Update<SubflowNode>} />;
    default:
      return <p className="muted small">{t(`nodeTypeHints.${node.type}`)}</p>;
  }
}
