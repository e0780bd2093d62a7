import { useTranslation } from 'react-i18next';
import type { WorkflowDefinition } from '@ticketflow/definition';
import { explainTransition, nodeName } from './timeline-model';
import type { Transition } from './tickets.api';

/** Every transition of the ticket, oldest first: when, who, what and why. */
export function TicketTimeline({ transitions, definition }: { transitions: readonly Transition[]; definition?: WorkflowDefinition }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  return (
    <ol className="timeline" data-testid="ticket-timeline">
      {transitions.map((transition) => {
        const line = explainTransition(transition, definition, i18n.language, t);
        return (
          <li
            key={transition.seq}
            className={`timeline__item${line.automatic ? ' timeline__item--auto' : ''}`}
            data-testid={`timeline-${transition.seq}`}
            data-event={transition.event}
            data-kind={transition.detail?.kind}
          >
            <div className="timeline__head">
              <time dateTime={transition.at}>{new Date(transition.at).toLocaleString(locale, { dateStyle: 'short', timeStyle: 'medium' })}</time>
              <span className="timeline__actor">{transition.actor ?? t('tickets.detail.system')}</span>
              {transition.from && transition.to && transition.from !== transition.to && !line.saysPath && (
                <span className="muted small">
                  {nodeName(definition, transition.from)} → {nodeName(definition, transition.to)}
                </span>
              )}
            </div>
            <div className="timeline__text" data-testid="timeline-text">
              {line.text}
            </div>
            {line.comment && <blockquote className="timeline__comment">“{line.comment}”</blockquote>}
          </li>
        );
      })}
    </ol>
  );
}
