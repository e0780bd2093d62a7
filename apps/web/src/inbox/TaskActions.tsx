import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { attachmentRuleOf, type FieldValues, type WorkflowDefinition } from '@ticketflow/definition';
import { readFieldValues, type FieldError, type RawValues } from '../tickets/field-form';
import { DelegatePicker } from './DelegatePicker';
import { TaskForm, useTaskFormFields } from './TaskForm';
import type { ApproveRequest, Task } from '@ticketflow/contract';
import { StepAttachment } from '../attachments/StepAttachment';

/** What a card can ask the inbox to do; the inbox performs the request (approvals after a confirmation) and refreshes. */
export interface TaskHandlers {
  approve: (task: Task, input: ApproveRequest) => void;
  reject: (task: Task, input: ApproveRequest & { comment: string }) => void;
  complete: (task: Task, outcome: string, input: ApproveRequest & { fields: FieldValues }) => void;
  claim: (task: Task) => void;
  release: (task: Task) => void;
  delegate: (task: Task, username: string) => void;
}

interface Props {
  task: Task;
  /** The ticket's pinned definition in the UI language, when loaded (for the step's attachment rule). */
  definition?: WorkflowDefinition;
  me?: string;
  comment: string;
  onCommentChange: (comment: string) => void;
  /** Set when "reject" was tried without a comment. */
  commentMissing: boolean;
  busy: boolean;
  handlers: TaskHandlers;
  onRejectWithoutComment: () => void;
}

/** The ticket's current values of the fields a step may edit, as form inputs hold them. Pure. */
function currentRaw(task: Task): RawValues {
  const raw: RawValues = {};
  for (const entry of task.form ?? []) {
    const value = task.fields?.[entry.field];
    if ((entry.mode ?? 'edit') !== 'edit' || value === undefined || value === null) continue;
    raw[entry.field] = typeof value === 'boolean' ? value : String(value);
  }
  return raw;
}

/**
 * The actions of the selected task: a comment (required to reject), approve /
 * reject for approvals, the node's outcomes and requested fields for tasks,
 * claim or release for role tasks, and delegation.
 */
export function TaskActions({
  task,
  definition,
  me,
  comment,
  onCommentChange,
  commentMissing,
  busy,
  handlers,
  onRejectWithoutComment,
}: Props) {
  const { t } = useTranslation();
  const form = useTaskFormFields(task);
  // Editable fields start from the ticket's current values; only changed ones are sent.
  const [raw, setRaw] = useState<RawValues>(() => currentRaw(task));
  const [formErrors, setFormErrors] = useState<Record<string, FieldError | string>>({});
  const [delegating, setDelegating] = useState(false);
  const [visibleToRequester, setVisibleToRequester] = useState(false);
  const visibility = visibleToRequester ? 'public' : 'internal';
  const required = new Set((task.form ?? []).filter((e) => e.required).map((e) => e.field));
  const outcomes = task.outcomes.filter((o) => o !== 'timeout');
  const stepNode = definition?.nodes.find((node) => node.id === task.nodeId);
  const fileRule = stepNode ? attachmentRuleOf(stepNode) : null;

  const readForm = (requireFilled: boolean) => {
    const read = readFieldValues(form.fields ?? [], raw, requireFilled ? required : new Set<string>());
    setFormErrors(read.errors);
    if (Object.keys(read.errors).length > 0) return null;
    return Object.fromEntries(
      Object.entries(read.values).filter(
        ([name, value]) => JSON.stringify(value) !== JSON.stringify(task.fields?.[name]),
      ),
    );
  };
  const complete = (outcome: string) => {
    const values = readForm(true);
    if (values) handlers.complete(task, outcome, { fields: values, comment: comment.trim(), visibility });
  };
  const approve = () => {
    const values = readForm(true);
    if (values) handlers.approve(task, { fields: values, comment: comment.trim(), visibility });
  };
  const reject = () => {
    const values = readForm(false);
    if (!values) return;
    if (comment.trim() === '') onRejectWithoutComment();
    else handlers.reject(task, { fields: values, comment: comment.trim(), visibility });
  };

  return (
    // Only keeps a click inside the actions from selecting the card behind them: nothing to do by keyboard.
    <div
      className="task-actions"
      data-testid="task-actions"
      role="presentation"
      onClick={(e) => e.stopPropagation()}
    >
      {form.fields === null && <p className="muted small">{t('inbox.actions.loadingForm')}</p>}
      {form.fields && (
        <TaskForm
          task={task}
          fields={form.fields}
          values={raw}
          errors={formErrors}
          onChange={(name, value) => setRaw((prev) => ({ ...prev, [name]: value }))}
        />
      )}
      {form.error && <p className="error small">{form.error}</p>}
      <StepAttachment
        taskId={task.id}
        ticketId={task.ticketId}
        shared={visibleToRequester}
        rule={fileRule}
        attachedBefore={(task.attachments?.length ?? 0) > 0}
      />
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
      <label className="check-label small">
        <input
          type="checkbox"
          checked={visibleToRequester}
          onChange={(e) => setVisibleToRequester(e.target.checked)}
          data-testid="task-comment-public"
        />{' '}
        {t('inbox.actions.visibleToRequester')}
      </label>
      {commentMissing && (
        <span className="field-error" role="alert" data-testid="task-comment-error">
          {t('inbox.actions.commentRequired')}
        </span>
      )}
      <div className="task-actions__buttons">
        {task.kind === 'approval' ? (
          <>
            <button
              type="button"
              className="primary approve"
              disabled={busy}
              onClick={approve}
              data-testid="task-approve"
            >
              {t('inbox.actions.approve')}
            </button>
            <button
              type="button"
              className="danger reject"
              disabled={busy}
              onClick={reject}
              data-testid="task-reject"
            >
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
                : t('inbox.actions.completeAs', {
                    outcome: t(`outcomes.${outcome}`, { defaultValue: outcome }),
                  })}
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
          <button
            type="button"
            disabled={busy}
            onClick={() => handlers.release(task)}
            data-testid="task-release"
          >
            {t('inbox.actions.release')}
          </button>
        )}
        <button
          type="button"
          aria-expanded={delegating}
          onClick={() => setDelegating((d) => !d)}
          data-testid="task-delegate-open"
        >
          {t('inbox.actions.delegate')}…
        </button>
      </div>
      {delegating && (
        <DelegatePicker
          task={task}
          me={me}
          busy={busy}
          onDelegate={(user) => handlers.delegate(task, user)}
        />
      )}
    </div>
  );
}
