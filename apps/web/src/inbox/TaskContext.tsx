import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkflowDefinition } from '@ticketflow/definition';
import { TicketComments } from '../tickets/TicketComments';
import { TicketTimeline } from '../tickets/TicketTimeline';
import { nodeName } from '../tickets/timeline-model';
import { ticketsApi } from '../tickets/tickets.api';
import type { Task, Transition } from '@ticketflow/contract';

/** The steps a ticket went through, in order, each once per visit (`Agent review → Finance approval`). Pure. */
export function stepsSoFar(transitions: readonly Transition[], definition?: WorkflowDefinition): string[] {
  const steps: string[] = [];
  let last: string | null = null;
  for (const transition of transitions) {
    const to = transition.to;
    if (!to || to === last || transition.from === to) continue;
    const type = definition?.nodes.find((node) => node.id === to)?.type;
    if (type === 'start' || type === 'decision' || type === 'parallel' || type === 'join') continue;
    last = to;
    steps.push(
      definition?.nodes.some((node) => node.id === to) ? nodeName(definition, to) : (transition.toName ?? to),
    );
  }
  return steps;
}

/**
 * The selected step's ticket so far, in the inbox's detail pane: the path it
 * took (the ticket page's timeline, folded) and its comments (the ticket
 * page's comment list and box). Loads the transitions when it opens and again
 * when the task changes.
 */
export function TaskContext({ task, definition }: { task: Task; definition?: WorkflowDefinition }) {
  const { t } = useTranslation();
  const [transitions, setTransitions] = useState<Transition[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refreshKey = `${task.id}:${task.status}:${task.assignee ?? ''}`;
  useEffect(() => {
    let live = true;
    ticketsApi.transitions(task.ticketId).then(
      (list) => live && setTransitions(list),
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [task.ticketId, refreshKey]);
  const steps = transitions ? stepsSoFar(transitions, definition) : [];
  return (
    // The pane only keeps its clicks from reaching the card's own (selecting) handler; it has no action itself.
    // eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-static-element-interactions
    <div className="task-context" data-testid="task-context" onClick={(e) => e.stopPropagation()}>
      <section className="task-context__path" data-testid="task-path">
        <h3>{t('inbox.context.path')}</h3>
        {error && <p className="error small">{error}</p>}
        {!transitions && !error && <p className="muted small">{t('common.loading')}</p>}
        {transitions && (
          <>
            <p className="task-path-line" data-testid="task-path-line">
              {steps.join(' → ')}
            </p>
            <details>
              <summary>{t('inbox.context.timeline', { count: transitions.length })}</summary>
              <TicketTimeline transitions={transitions} definition={definition} />
            </details>
          </>
        )}
      </section>
      <TicketComments ticketId={task.ticketId} isRequester={false} refreshKey={refreshKey} />
    </div>
  );
}
