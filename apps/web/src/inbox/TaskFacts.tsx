import { useTranslation } from 'react-i18next';
import type { WorkflowDefinition } from '@ticketflow/definition';
import { fieldOf } from '../i18n/definition-text';
import { fieldLabel, formatFieldValue } from './field-display';
import type { Task } from '@ticketflow/contract';
import { TaskFiles } from '../attachments/TaskFiles';

/**
 * What the person decides on, at a glance: the values of the fields the step
 * shows (labelled and formatted per the ticket's version, in the UI language),
 * who asked, and the last comment before the step.
 */
export function TaskFacts({ task, definition }: { task: Task; definition?: WorkflowDefinition }) {
  const { t, i18n } = useTranslation();
  const shown = (task.form ?? []).filter((entry) => task.fields?.[entry.field] !== undefined);
  const words = { yes: t('common.yes'), no: t('common.no') };
  if (shown.length === 0 && !task.requester && !task.lastComment && !task.attachments?.length) return null;
  return (
    <div className="task-facts" data-testid="task-facts">
      {shown.length > 0 && (
        <dl className="task-facts__fields">
          {shown.slice(0, 6).map((entry) => (
            <div key={entry.field} className="task-facts__field" data-testid={`task-value-${entry.field}`}>
              <dt>{fieldLabel(entry.field, fieldOf(definition, entry.field))}</dt>
              <dd>
                {formatFieldValue(
                  task.fields?.[entry.field],
                  i18n.language,
                  words,
                  fieldOf(definition, entry.field)?.type,
                )}
              </dd>
            </div>
          ))}
        </dl>
      )}
      {task.requester && (
        <p className="small muted" data-testid="task-requester">
          {t('inbox.card.requester', { name: task.requester.displayName })}
        </p>
      )}
      {task.lastComment && (
        <blockquote className="task-facts__comment small" data-testid="task-last-comment">
          <span className="muted">
            {t('inbox.card.lastComment', { user: task.lastComment.by ?? t('tickets.detail.system') })}
          </span>{' '}
          {task.lastComment.text}
        </blockquote>
      )}
      <TaskFiles files={task.attachments} />
    </div>
  );
}
