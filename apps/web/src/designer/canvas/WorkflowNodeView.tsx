import { memo, useEffect, useRef } from 'react';
import { Handle, Position, useUpdateNodeInternals, type NodeProps } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import { exitsOf, leavesByOutcome, NODE_ICONS } from '../model/node-catalog';
import type { CanvasNode } from './flow-adapter';

/**
 * One canvas node, for every node type. Memoised (STYLE.md rule 7): React Flow
 * re-renders it only when its node object changes, which the adapter limits to
 * nodes an edit touched. Exits are source handles named after outcomes, so
 * dragging from "approved" draws an `on: approved` edge.
 */
function WorkflowNodeViewInner({ data, selected }: NodeProps<CanvasNode>) {
  const { t } = useTranslation();
  const { node, invalid, sim } = data;
  const exits = exitsOf(node);
  useRemeasureOnNewHandles(node.id, exits.join('|'));
  const named = leavesByOutcome(node);
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
    <div className={classes} data-testid={`node-${node.id}`} data-invalid={invalid || undefined} data-sim={sim}>
      {node.type !== 'start' && (
        <Handle type="target" position={Position.Left} id="in" data-testid={`handle-${node.id}-in`} />
      )}
      <div className="wf-node__head">
        <span className="wf-node__icon" aria-hidden>
          {NODE_ICONS[node.type]}
        </span>
        <span className="wf-node__type">{t(`nodeTypes.${node.type}`)}</span>
        {invalid && (
          <span className="wf-node__badge" title={t('designer.problems.nodeHasProblems')}>
            !
          </span>
        )}
      </div>
      <div className="wf-node__name">{node.name || node.id}</div>
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
          title={exit}
          data-testid={`handle-${node.id}-${exit}`}
          style={{ top: `${((i + 0.5) * 100) / exits.length}%` }}
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
