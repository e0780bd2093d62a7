import { useTranslation } from 'react-i18next';
import type { WorkflowDefinition } from '@ticketflow/definition';
import { fieldLabel, formatFieldValue } from '../inbox/field-display';
import { explainTransition, nodeName } from './timeline-model';
import type { Transition } from '@ticketflow/contract';

/** Every transition of the ticket, oldest first: when, who, what and why. */
export function TicketTimeline({
  transitions,
  definition,
}: {
  transitions: readonly Transition[];
  definition?: WorkflowDefinition;
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const words = { yes: t('common.yes'), no: t('common.no') };
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
              <time dateTime={transition.at}>
                {new Date(transition.at).toLocaleString(locale, { dateStyle: 'short', timeStyle: 'medium' })}
              </time>
              <span className="timeline__actor">{transition.actor ?? t('tickets.detail.system')}</span>
              {transition.from && transition.to && transition.from !== transition.to && !line.saysPath && (
                <span className="muted small">
                  {stepName(definition, transition.from, transition.fromName)} →{' '}
                  {stepName(definition, transition.to, transition.toName)}
                </span>
              )}
            </div>
            <div className="timeline__text" data-testid="timeline-text">
              {line.text}
            </div>
            {(line.comment ?? transition.comment) && (
              <blockquote className="timeline__comment">“{line.comment ?? transition.comment}”</blockquote>
            )}
            {transition.detail?.fieldChanges?.map((change) => (
              <div
                key={change.field}
                className="small timeline__change"
                data-testid={`timeline-change-${change.field}`}
              >
                {t('tickets.detail.fieldChange', {
                  field: fieldLabel(
                    change.field,
                    definition?.fields.find((f) => f.name === change.field),
                  ),
                  from: formatFieldValue(change.from, i18n.language, words),
                  to: formatFieldValue(change.to, i18n.language, words),
                  user: transition.actor ?? t('tickets.detail.system'),
                  step: nodeName(definition, transition.from ?? transition.to ?? ''),
                })}
              </div>
            ))}
          </li>
        );
      })}
    </ol>
  );
}

/** A step's name in the UI language (the localized definition's), else the name the server gave, else its id. */
function stepName(
  definition: WorkflowDefinition | undefined,
  id: string | null,
  serverName?: string,
): string {
  if (id && definition?.nodes.some((node) => node.id === id)) return nodeName(definition, id);
  return serverName ?? nodeName(definition, id);
}
