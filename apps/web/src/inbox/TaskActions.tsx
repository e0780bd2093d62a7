import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldValues } from '@ticketflow/definition';
import { readFieldValues, type FieldError, type RawValues } from '../tickets/field-form';
import { DelegatePicker } from './DelegatePicker';
import { TaskForm, useTaskFormFields } from './TaskForm';
import type { Task } from './tasks.api';

/** What a card can ask the inbox to do; the inbox performs the request and refreshes. */
export interface TaskHandlers {
  approve: (task: Task, comment: string) => void;
  reject: (task: Task, comment: string) => void;
  complete: (task: Task, outcome: string, fields: FieldValues, comment: string) => void;
  claim: (task: Task) => void;
  release: (task: Task) => void;
  delegate: (task: Task, username: string) => void;
}

interface Props {
  task: Task;
  me?: string;
  comment: string;
  onCommentChange: (comment: string) => void;
  /** Set when "reject" was tried without a comment. */
  commentMissing: boolean;
  busy: boolean;
  handlers: TaskHandlers;
  onRejectWithoutComment: () => void;
}

/**
 * The actions of the selected task: a comment (required to reject), approve /
 * reject for approvals, the node's outcomes and requested fields for tasks,
 * claim or release for role tasks, and delegation.
 */
export function TaskActions({ task, me, comment, onCommentChange, commentMissing, busy, handlers, onRejectWithoutComment }: Props) {
  const { t } = useTranslation();
  const form = useTaskFormFields(task);
  const [raw, setRaw] = useState<RawValues>({});
  const [formErrors, setFormErrors] = useState<Record<string, FieldError | string>>({});
  const [delegating, setDelegating] = useState(false);
  const required = new Set((task.form ?? []).filter((e) => e.required).map((e) => e.field));
  const outcomes = task.outcomes.filter((o) => o !== 'timeout');

  const complete = (outcome: string) => {
    const read = readFieldValues(form.fields ?? [], raw, required);
    setFormErrors(read.errors);
    if (Object.keys(read.errors).length === 0) handlers.complete(task, outcome, read.values, comment.trim());
  };
  const reject = () => {
    if (comment.trim() === '') onRejectWithoutComment();
    else handlers.reject(task, comment.trim());
  };

  return (
    <div className="task-actions" data-testid="task-actions" onClick={(e) => e.stopPropagation()}>
      {task.kind === 'task' && form.fields === null && <p className="muted small">{t('inbox.actions.loadingForm')}</p>}
      {task.kind === 'task' && form.fields && (
        <TaskForm task={task} fields={form.fields} values={raw} errors={formErrors} onChange={(name, value) => setRaw((prev) => ({ ...prev, [name]: value }))} />
      )}
      {form.error && <p className="error small">{form.error}</p>}
      <label className="task-comment">
        {t('inbox.actions.comment')}
        <textarea
          id={`comment-${task.id}`}
          rows={2}
          value={comment}
          placeholder={task.kind === 'approval' ? t('inbox.actions.commentPlaceholder') : ''}
          onChange={(e) => onCommentChange(e.target.value)}
          aria-invalid={commentMissing ? true : undefined}
          data-testid="task-comment"
        />
      </label>
      {commentMissing && (
        <span className="field-error" role="alert" data-testid="task-comment-error">
          {t('inbox.actions.commentRequired')}
        </span>
      )}
      <div className="task-actions__buttons">
        {task.kind === 'approval' ? (
          <>
            <button type="button" className="primary approve" disabled={busy} onClick={() => handlers.approve(task, comment.trim())} data-testid="task-approve">
              {t('inbox.actions.approve')}
            </button>
            <button type="button" className="danger reject" disabled={busy} onClick={reject} data-testid="task-reject">
              {t('inbox.actions.reject')}
            </button>
          </>
        ) : (
          outcomes.map((outcome, i) => (
            <button
              key={outcome}
              type="button"
              className={i === 0 ? 'primary' : undefined}
              disabled={busy || form.fields === null}
              onClick={() => complete(outcome)}
              data-testid={`task-complete-${outcome}`}
            >
              {outcomes.length === 1 && outcome === 'completed'
                ? t('inbox.actions.complete')
                : t('inbox.actions.completeAs', { outcome: t(`outcomes.${outcome}`, { defaultValue: outcome }) })}
            </button>
          ))
        )}
        <span className="spacer" />
        {task.role && !task.assignee && (
          <button type="button" disabled={busy} onClick={() => handlers.claim(task)} data-testid="task-claim">
            {t('inbox.actions.claim')}
          </button>
        )}
        {task.role && task.assignee === me && (
          <button type="button" disabled={busy} onClick={() => handlers.release(task)} data-testid="task-release">
            {t('inbox.actions.release')}
          </button>
        )}
        <button type="button" aria-expanded={delegating} onClick={() => setDelegating((d) => !d)} data-testid="task-delegate-open">
          {t('inbox.actions.delegate')}…
        </button>
      </div>
      {delegating && <DelegatePicker task={task} me={me} busy={busy} onDelegate={(user) => handlers.delegate(task, user)} />}
    </div>
  );
}
