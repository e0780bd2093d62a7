import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuthStore } from '../auth/auth.store';
import { ApprovalConfirm } from '../inbox/ApprovalConfirm';
import { TaskActions, type TaskHandlers } from '../inbox/TaskActions';
import { tasksApi } from '../inbox/tasks.api';
import type { ApproveRequest, Task } from '@ticketflow/contract';
import type { WorkflowDefinition } from '@ticketflow/definition';
import { fieldLabel } from '../inbox/field-display';
import { fieldOf } from '../i18n/definition-text';
import { nodeName } from './timeline-model';

/**
 * The ticket's steps waiting for the signed-in user, with their actions right
 * on the ticket page: approve (after a confirmation), reject (with a
 * comment), complete with the step's form. Renders nothing for anyone else.
 */
export function TicketDecision({
  ticketId,
  refreshKey,
  onDone,
  definition,
}: {
  ticketId: string;
  refreshKey: string;
  onDone: () => void;
  /** The ticket's version in the UI language, once loaded (step names, field labels). */
  definition?: WorkflowDefinition;
}) {
  const { t } = useTranslation();
  const me = useAuthStore((s) => s.user?.username);
  const [tasks, setTasks] = useState<Task[]>([]);
  const [comments, setComments] = useState<Record<string, string>>({});
  const [missing, setMissing] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<{ task: Task; input: ApproveRequest } | null>(null);

  const load = useCallback(() => {
    tasksApi.inbox().then(
      (list) => setTasks(list.filter((task) => task.ticketId === ticketId)),
      () => setTasks([]),
    );
  }, [ticketId]);
  useEffect(load, [load, refreshKey]);

  const run = useCallback(
    async (action: () => Promise<unknown>) => {
      setBusy(true);
      setError(null);
      try {
        await action();
        onDone();
      } catch (e) {
        setError(e instanceof Error ? e.message : String(e));
      } finally {
        setBusy(false);
        load();
      }
    },
    [load, onDone],
  );

  const handlers: TaskHandlers = useMemo(
    () => ({
      approve: (task, input) => setConfirming({ task, input }),
      reject: (task, input) => void run(() => tasksApi.reject(task.id, input)),
      complete: (task, outcome, input) => void run(() => tasksApi.complete(task.id, { outcome, ...input })),
      claim: (task) => void run(() => tasksApi.claim(task.id)),
      release: (task) => void run(() => tasksApi.release(task.id)),
      delegate: (task, user) => void run(() => tasksApi.delegate(task.id, user)),
    }),
    [run],
  );

  if (tasks.length === 0) return null;
  return (
    <section className="card ticket-decision" data-testid="ticket-decision">
      {tasks.map((task) => (
        <div key={task.id} data-testid={`ticket-task-${task.nodeId}`}>
          <h2>
            {t('tickets.detail.yourDecision', {
              step: definition ? nodeName(definition, task.nodeId) : task.name,
            })}
          </h2>
          <TaskActions
            task={task}
            me={me}
            comment={comments[task.id] ?? ''}
            onCommentChange={(comment) => {
              setComments((prev) => ({ ...prev, [task.id]: comment }));
              if (comment.trim()) setMissing(null);
            }}
            commentMissing={missing === task.id}
            busy={busy}
            handlers={handlers}
            onRejectWithoutComment={() => setMissing(task.id)}
          />
        </div>
      ))}
      {error && (
        <p className="error small" role="alert" data-testid="ticket-decision-error">
          {error}
        </p>
      )}
      {confirming && (
        <ApprovalConfirm
          tasks={[confirming.task]}
          labelOf={(field) => fieldLabel(field, fieldOf(definition, field))}
          busy={busy}
          onCancel={() => setConfirming(null)}
          onConfirm={() => {
            const { task, input } = confirming;
            setConfirming(null);
            void run(() => tasksApi.approve(task.id, input));
          }}
        />
      )}
    </section>
  );
}
