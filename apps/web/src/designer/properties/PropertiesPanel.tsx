import { useTranslation } from 'react-i18next';
import { useDesignerStore } from '../store/designer.store';
import type { WorkflowFlag } from '../commands/misc-commands';
import { NodeProperties } from './NodeProperties';
import { EdgeProperties } from './EdgeProperties';

/** Shows the editor for what is selected: one node, one edge, or the workflow itself. */
export function PropertiesPanel() {
  const { t } = useTranslation();
  const nodeIds = useDesignerStore((s) => s.selection.nodeIds);
  const edgeIds = useDesignerStore((s) => s.selection.edgeIds);
  const count = nodeIds.length + edgeIds.length;

  if (count > 1)
    return (
      <p className="muted" data-testid="multi-selection">
        {t('designer.props.multi', { count })}
      </p>
    );
  if (nodeIds[0]) return <NodeProperties key={nodeIds[0]} nodeId={nodeIds[0]} />;
  if (edgeIds[0]) return <EdgeProperties key={edgeIds[0]} edgeId={edgeIds[0]} />;
  return <WorkflowProperties />;
}

function WorkflowProperties() {
  const { t } = useTranslation();
  const description = useDesignerStore((s) => s.definition.description);
  const dispatch = useDesignerStore((s) => s.dispatch);
  return (
    <div className="props" data-testid="workflow-properties">
      <h3>{t('designer.props.workflow')}</h3>
      <label>
        {t('designer.props.description')}
        <textarea
          rows={3}
          data-testid="prop-workflow-description"
          value={description ?? ''}
          onChange={(e) => {
            const d = useDesignerStore.getState().definition;
            dispatch({
              type: 'workflow.update',
              payload: { name: d.name, description: e.target.value || undefined },
              mergeKey: 'workflow.description',
            });
          }}
        />
      </label>
      {(['requesterPriority', 'conditionsPublic'] as const).map((flag) => (
        <WorkflowFlagSwitch key={flag} flag={flag} />
      ))}
      <p className="muted small">{t('designer.props.nothingSelected')}</p>
    </div>
  );
}

/** A workflow-wide switch about what requesters may do or read. */
function WorkflowFlagSwitch({ flag }: { flag: WorkflowFlag }) {
  const { t } = useTranslation();
  const value = useDesignerStore((s) => s.definition[flag]);
  const dispatch = useDesignerStore((s) => s.dispatch);
  return (
    <label className="check">
      <input
        type="checkbox"
        checked={value === true}
        data-testid={`prop-workflow-${flag}`}
        onChange={(e) => dispatch({ type: 'workflow.flag', payload: { flag, on: e.target.checked } })}
      />{' '}
      {t(`designer.props.${flag}`)}
    </label>
  );
}
