import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { roleLabel } from '../i18n/labels';
import { Link } from 'react-router';
import { SlaCountdown } from './SlaCountdown';
import { TaskActions, type TaskHandlers } from './TaskActions';
import { TaskContext } from './TaskContext';
import { TaskFacts } from './TaskFacts';
import type { Task } from '@ticketflow/contract';
import { groupTallyText } from './group-tally-text';
import { formatFieldValue } from './field-display';
import type { WorkflowDefinition } from '@ticketflow/definition';
import { nodeName } from '../tickets/timeline-model';

interface Props {
  task: Task;
  now: number;
  me?: string;
  workflowName: string;
  /** The ticket's version in the UI language, once loaded. */
  definition?: WorkflowDefinition;
  selected: boolean;
  checked: boolean;
  comment: string;
  commentMissing: boolean;
  error?: string;
  busy: boolean;
  handlers: TaskHandlers;
  onSelect: (id: string) => void;
  onToggleCheck: (id: string) => void;
  onCommentChange: (id: string, comment: string) => void;
  onRejectWithoutComment: (id: string) => void;
}

/** One waiting step: what, for which ticket, how long is left; its actions open when selected. */
function TaskCardInner(props: Props) {
  const { task, now, me, workflowName, selected, checked, error, busy } = props;
  const { t, i18n } = useTranslation();
  return (
    // A click anywhere on the card selects it; from the keyboard j / k and the arrow keys do
    // (use-inbox-keys.ts), and every control inside the card is a real button, link or input.
    // eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-noninteractive-element-interactions
    <li
      className={`task-card${selected ? ' is-selected' : ''} task-card--${task.kind}`}
      data-testid={`task-card-${task.id}`}
      data-ticket-id={task.ticketId}
      data-node-id={task.nodeId}
      data-selected={selected || undefined}
      aria-current={selected || undefined}
      onClick={() => props.onSelect(task.id)}
    >
      <div className="task-card__head">
        {task.kind === 'approval' && (
          <input
            type="checkbox"
            className="task-card__check"
            checked={checked}
            aria-label={t('inbox.card.select')}
            onClick={(e) => e.stopPropagation()}
            onChange={() => props.onToggleCheck(task.id)}
            data-testid="task-check"
          />
        )}
        <div className="task-card__main">
          <div className="task-card__title">
            <span className={`kind-badge kind-badge--${task.kind}`}>{t(`inbox.kind.${task.kind}`)}</span>
            <strong>{props.definition ? nodeName(props.definition, task.nodeId) : task.name}</strong>
          </div>
          <div className="task-card__ticket">
            <Link
              to={`/tickets/${task.ticketId}`}
              onClick={(e) => e.stopPropagation()}
              data-testid="task-open-ticket"
            >
              #{task.ticketNumber} {task.ticketTitle}
            </Link>
          </div>
          <div className="task-card__meta muted small">
            <span>{workflowName}</span>
            <span className={`priority priority--${task.priority}`}>
              {t(`tickets.priority.${task.priority}`)}
            </span>
            {task.role && <span>{t('inbox.card.role', { role: roleLabel(t, task.role) })}</span>}
            <span data-testid="task-assignee">
              {task.assignee
                ? t('inbox.card.assignee', { user: task.assignee })
                : task.role
                  ? t('inbox.card.unassigned')
                  : ''}
            </span>
          </div>
          {task.item && (
            <p className="small" data-testid="task-item">
              {t('inbox.card.item', {
                index: task.item.index + 1,
                of: task.item.of,
                value: formatFieldValue([task.item.value], i18n.language, {
                  yes: t('common.yes'),
                  no: t('common.no'),
                }),
              })}
            </p>
          )}
          {task.groupTally && (
            <p className="muted small" data-testid="task-group-tally">
              {groupTallyText(t, task.groupTally)}
            </p>
          )}
          <TaskFacts task={task} definition={props.definition} />
        </div>
        <SlaCountdown dueAt={task.dueAt} now={now} />
      </div>
      {error && (
        <p className="error small" role="alert" data-testid="task-error">
          {error}
        </p>
      )}
      {selected && (
        <TaskActions
          task={task}
          definition={props.definition}
          me={me}
          comment={props.comment}
          onCommentChange={(comment) => props.onCommentChange(task.id, comment)}
          commentMissing={props.commentMissing}
          busy={busy}
          handlers={props.handlers}
          onRejectWithoutComment={() => props.onRejectWithoutComment(task.id)}
        />
      )}
      {selected && <TaskContext task={task} definition={props.definition} />}
    </li>
  );
}

export const TaskCard = memo(TaskCardInner);
