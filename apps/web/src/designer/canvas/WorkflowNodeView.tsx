import { memo, useEffect, useRef } from 'react';
import { Handle, Position, useUpdateNodeInternals, type NodeProps } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import { exitsOf, leavesByOutcome, NODE_ICONS } from '../model/node-catalog';
import type { CanvasNode } from './flow-adapter';
import { nodeSummary } from './node-summary';
import { AppendButton } from './AppendButton';
import './canvas.css';

/**
 * One canvas node, for every node type. Memoised (docs/style.md rule 7): React Flow
 * re-renders it only when its node object changes, which the adapter limits to
 * nodes an edit touched. Exits are source handles named after outcomes, so
 * dragging from "approved" draws an `on: approved` edge; in the Designer each
 * free exit also has a "+" that appends and connects the next step.
 */
function WorkflowNodeViewInner({ data, selected }: NodeProps<CanvasNode>) {
  const { t, i18n } = useTranslation();
  const { node, invalid, sim } = data;
  const exits = exitsOf(node);
  useRemeasureOnNewHandles(node.id, exits.join('|'));
  const named = leavesByOutcome(node);
  const summary = nodeSummary(node, t, i18n.language);
  const typeName = t(`nodeTypes.${node.type}`);
  const name = node.name || (node.type === 'start' || node.type === 'end' ? typeName : node.id);
  const classes = [
    'wf-node',
    `wf-node--${node.type}`,
    named && 'has-exits',
    invalid && 'is-invalid',
    sim && `is-${sim}`,
    selected && 'is-selected',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <div
      className={classes}
      data-testid={`node-${node.id}`}
      data-invalid={invalid || undefined}
      data-sim={sim}
      aria-label={`${typeName}: ${name}${summary ? `, ${summary}` : ''}`}
    >
      {(node.type === 'decision' || node.type === 'inclusive') && (
        <svg className="wf-node__shape" viewBox="0 0 100 100" preserveAspectRatio="none" aria-hidden>
          <polygon points="1,50 50,1 99,50 50,99" vectorEffect="non-scaling-stroke" />
        </svg>
      )}
      {node.type !== 'start' && (
        <Handle
          type="target"
          position={Position.Left}
          id="in"
          data-testid={`handle-${node.id}-in`}
          title={t('designer.a11y.inHandle', { name })}
        />
      )}
      <div className="wf-node__body">
        <div className="wf-node__head">
          <span className="wf-node__icon" aria-hidden>
            {NODE_ICONS[node.type]}
          </span>
          <span className="wf-node__type">{typeName}</span>
          {invalid && (
            <span className="wf-node__badge" title={t('designer.problems.nodeHasProblems')}>
              !
            </span>
          )}
        </div>
        <div className="wf-node__name">{name}</div>
        {summary && <div className="wf-node__summary">{summary}</div>}
      </div>
      {named && (
        <div className="wf-node__exits">
          {exits.map((exit) => (
            <span key={exit}>{t(`outcomes.${exit}`, { defaultValue: exit })}</span>
          ))}
        </div>
      )}
      {exits.map((exit, i) => (
        <Handle
          key={exit}
          type="source"
          position={Position.Right}
          id={exit}
          title={t('designer.a11y.outHandle', { name, exit: t(`outcomes.${exit}`, { defaultValue: exit }) })}
          data-testid={`handle-${node.id}-${exit}`}
          style={{ top: `${((i + 0.5) * 100) / exits.length}%` }}
        />
      ))}
      {exits.map((exit, i) => (
        <AppendButton
          key={exit}
          nodeId={node.id}
          exit={exit}
          nodeType={node.type}
          top={`${((i + 0.5) * 100) / exits.length}%`}
        />
      ))}
    </div>
  );
}

/**
 * React Flow measures a node's handles when the node first appears or resizes. A
 * handle added later (an approval gets a timeout, a task a new outcome) inside the
 * same box would stay unknown, so dragging from it would do nothing: re-measure when
 * the exits change. Not on mount, which React Flow measures itself.
 */
function useRemeasureOnNewHandles(nodeId: string, exitsKey: string): void {
  const updateNodeInternals = useUpdateNodeInternals();
  const measured = useRef(exitsKey);
  useEffect(() => {
    if (measured.current === exitsKey) return;
    measured.current = exitsKey;
    updateNodeInternals(nodeId);
  }, [nodeId, exitsKey, updateNodeInternals]);
}

export const WorkflowNodeView = memo(WorkflowNodeViewInner);
