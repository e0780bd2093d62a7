import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useAuthStore } from '../auth/auth.store';
import { workflowsApi } from '../http/workflows.api';
import { useInboxLive } from '../live/use-inbox-live';
import { ApprovalConfirm } from './ApprovalConfirm';
import { BulkApproveBar } from './BulkApproveBar';
import { InboxFilterBar } from './InboxFilterBar';
import { applyFilters, keepSelection, moveSelection, sortByDue, type InboxFilters } from './inbox-model';
import { TaskCard } from './TaskCard';
import type { TaskHandlers } from './TaskActions';
import { tasksApi } from './tasks.api';
import { useInboxKeys } from './use-inbox-keys';
import { useTaskDefinitions, versionIdOf } from './use-task-definitions';
import { fieldOf } from '../i18n/definition-text';
import { fieldLabel } from './field-display';
import './inbox.css';
import { useNow } from './use-now';
import type { ApproveRequest, Task } from '@ticketflow/contract';

/**
 * /inbox: the open steps for the user and their roles, soonest SLA first, with
 * faceted filters, live updates (the stream only says "changed"; this page
 * refetches), actions per task, bulk approval and keyboard navigation.
 */
export function InboxPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useAuthStore((s) => s.user?.username);
  const now = useNow();
  const [tasks, setTasks] = useState<Task[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [filters, setFilters] = useState<InboxFilters>({});
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [checked, setChecked] = useState<ReadonlySet<string>>(new Set());
  const [comments, setComments] = useState<Record<string, string>>({});
  const [commentMissing, setCommentMissing] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [workflowNames, setWorkflowNames] = useState<ReadonlyMap<string, string>>(new Map());
  const visibleIdsRef = useRef<string[]>([]);
  /** Approvals waiting for "yes, approve" (a keyboard, button or bulk approval is never sent without it). */
  const [confirming, setConfirming] = useState<{ tasks: Task[]; input: ApproveRequest } | null>(null);

  const reload = useCallback(async () => {
    try {
      const next = await tasksApi.inbox();
      setTasks(next);
      setLoadError(null);
      setChecked((prev) => new Set([...prev].filter((id) => next.some((task) => task.id === id))));
    } catch (e) {
      setLoadError(e instanceof Error ? e.message : String(e));
    }
  }, []);

  useEffect(() => {
    void reload();
    workflowsApi.list().then(
      (list) => setWorkflowNames(new Map(list.map((w) => [w.key, w.name]))),
      () => undefined,
    );
  }, [reload]);
  const liveStatus = useInboxLive(reload);
  const definitions = useTaskDefinitions(tasks);
  const definitionOf = useCallback(
    (task: Task) => {
      const id = versionIdOf(task);
      return id ? definitions.get(id) : undefined;
    },
    [definitions],
  );

  // Filtering by "due" changes as time passes; re-bucketing each minute is enough.
  const minute = Math.floor(now / 60_000) * 60_000;
  const visible = useMemo(
    () => sortByDue(applyFilters(tasks ?? [], filters, minute)),
    [tasks, filters, minute],
  );
  const visibleIds = useMemo(() => visible.map((task) => task.id), [visible]);

  useEffect(() => {
    const previous = visibleIdsRef.current;
    visibleIdsRef.current = visibleIds;
    setSelectedId((current) => keepSelection(previous, visibleIds, current));
  }, [visibleIds]);

  useEffect(() => {
    if (!selectedId) return;
    document.querySelector(`[data-testid="task-card-${selectedId}"]`)?.scrollIntoView?.({ block: 'nearest' });
  }, [selectedId]);

  const run = useCallback(
    async (task: Task, action: () => Promise<unknown>, done: string) => {
      setBusy(true);
      setErrors((prev) => ({ ...prev, [task.id]: '' }));
      try {
        await action();
        setNotice(done);
        setComments((prev) => ({ ...prev, [task.id]: '' }));
        setCommentMissing(null);
      } catch (e) {
        setErrors((prev) => ({ ...prev, [task.id]: e instanceof Error ? e.message : String(e) }));
      } finally {
        setBusy(false);
        void reload();
      }
    },
    [reload],
  );

  const handlers: TaskHandlers = useMemo(
    () => ({
      approve: (task, input) => setConfirming({ tasks: [task], input }),
      reject: (task, input) =>
        void run(
          task,
          () => tasksApi.reject(task.id, input),
          t('inbox.toast.rejected', { title: task.ticketTitle }),
        ),
      complete: (task, outcome, input) =>
        void run(
          task,
          () => tasksApi.complete(task.id, { outcome, ...input }),
          t('inbox.toast.completed', { title: task.ticketTitle }),
        ),
      claim: (task) =>
        void run(task, () => tasksApi.claim(task.id), t('inbox.toast.claimed', { title: task.ticketTitle })),
      release: (task) =>
        void run(
          task,
          () => tasksApi.release(task.id),
          t('inbox.toast.released', { title: task.ticketTitle }),
        ),
      delegate: (task, user) =>
        void run(task, () => tasksApi.delegate(task.id, user), t('inbox.toast.delegated', { user })),
    }),
    [run, t],
  );

  const selected = visible.find((task) => task.id === selectedId);
  useInboxKeys({
    move: (delta) => setSelectedId((current) => moveSelection(visibleIds, current, delta)),
    approve: () =>
      selected?.kind === 'approval' &&
      !busy &&
      !confirming &&
      handlers.approve(selected, { comment: (comments[selected.id] ?? '').trim() }),
    reject: () => {
      if (!selected || selected.kind !== 'approval' || busy) return;
      const comment = (comments[selected.id] ?? '').trim();
      if (comment) handlers.reject(selected, { comment });
      else {
        setCommentMissing(selected.id);
        document.getElementById(`comment-${selected.id}`)?.focus();
      }
    },
    open: () => selected && void navigate(`/tickets/${selected.ticketId}`),
  });

  const askBulkApprove = (comment: string) => {
    const chosen = visible.filter((task) => checked.has(task.id) && task.kind === 'approval');
    if (chosen.length > 0) setConfirming({ tasks: chosen, input: { comment } });
  };

  const confirmApproval = async () => {
    if (!confirming) return;
    const { tasks: chosen, input } = confirming;
    setConfirming(null);
    const [only] = chosen;
    if (chosen.length === 1 && only) {
      await run(
        only,
        () => tasksApi.approve(only.id, input),
        t('inbox.toast.approved', { title: only.ticketTitle }),
      );
      return;
    }
    await bulkApprove(chosen, input.comment ?? '');
  };

  const bulkApprove = async (chosen: Task[], comment: string) => {
    setBusy(true);
    let ok = 0;
    const failures: Record<string, string> = {};
    for (const task of chosen) {
      try {
        await tasksApi.approve(task.id, { comment });
        ok += 1;
      } catch (e) {
        failures[task.id] = e instanceof Error ? e.message : String(e);
      }
    }
    setErrors((prev) => ({ ...prev, ...failures }));
    setNotice(t('inbox.bulk.result', { ok, total: chosen.length }));
    setChecked(new Set(Object.keys(failures)));
    setBusy(false);
    void reload();
  };

  const onSelect = useCallback((id: string) => setSelectedId(id), []);
  const onToggleCheck = useCallback(
    (id: string) =>
      setChecked((prev) => {
        const next = new Set(prev);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        return next;
      }),
    [],
  );
  const onCommentChange = useCallback((id: string, comment: string) => {
    setComments((prev) => ({ ...prev, [id]: comment }));
    if (comment.trim()) setCommentMissing((current) => (current === id ? null : current));
  }, []);
  const onRejectWithoutComment = useCallback((id: string) => {
    setCommentMissing(id);
    document.getElementById(`comment-${id}`)?.focus();
  }, []);

  return (
    <main className="page inbox-page" data-testid="inbox-page">
      <div className="page-head">
        <h1>
          {t('inbox.title')}{' '}
          {tasks && (
            <span className="count-pill" data-testid="inbox-count">
              {visible.length}
            </span>
          )}
        </h1>
        <span
          className={`live-status live-status--${liveStatus}`}
          data-testid="inbox-live"
          data-status={liveStatus}
        >
          {t(`inbox.live.${liveStatus}`)}
        </span>
      </div>
      <p className="muted inbox-keys">{t('inbox.keys')}</p>
      {tasks && (
        <InboxFilterBar
          tasks={tasks}
          filters={filters}
          onChange={setFilters}
          now={minute}
          workflowNames={workflowNames}
        />
      )}
      {checked.size > 0 && (
        <BulkApproveBar
          count={checked.size}
          busy={busy}
          onApprove={askBulkApprove}
          onClear={() => setChecked(new Set())}
        />
      )}
      {notice && (
        <p className="notice" role="status" data-testid="inbox-notice">
          {notice}
        </p>
      )}
      {loadError && (
        <p className="error" role="alert">
          {loadError}
        </p>
      )}
      {tasks === null && !loadError && <p className="muted">{t('common.loading')}</p>}
      {tasks && visible.length === 0 && (
        <p className="empty-state" data-testid="inbox-empty">
          {tasks.length === 0 ? t('inbox.empty') : t('inbox.emptyFiltered')}
        </p>
      )}
      {confirming && (
        <ApprovalConfirm
          tasks={confirming.tasks}
          labelOf={(field) => {
            const first = confirming.tasks[0];
            return fieldLabel(field, first ? fieldOf(definitionOf(first), field) : undefined);
          }}
          busy={busy}
          onConfirm={() => void confirmApproval()}
          onCancel={() => setConfirming(null)}
        />
      )}
      <ul className="task-list" aria-label={t('inbox.title')} data-testid="inbox-list">
        {visible.map((task) => (
          <TaskCard
            key={task.id}
            task={task}
            now={now}
            me={me}
            workflowName={definitionOf(task)?.name ?? workflowNames.get(task.workflowKey) ?? task.workflowKey}
            definition={definitionOf(task)}
            selected={task.id === selectedId}
            checked={checked.has(task.id)}
            comment={comments[task.id] ?? ''}
            commentMissing={commentMissing === task.id}
            error={errors[task.id] || undefined}
            busy={busy}
            handlers={handlers}
            onSelect={onSelect}
            onToggleCheck={onToggleCheck}
            onCommentChange={onCommentChange}
            onRejectWithoutComment={onRejectWithoutComment}
          />
        ))}
      </ul>
    </main>
  );
}
