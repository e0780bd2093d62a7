import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Ticket } from '@ticketflow/contract';
import { StatusBadge } from './StatusBadge';

/**
 * A ticket's sub-flow relatives: the parent whose step started it, and the child tickets its
 * sub-flow steps started with where each is now. A relative the reader may not open is named
 * without a link (the API decides, per ticket, as for any other).
 */
export function TicketSubflows({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const { parent, subflows } = ticket;
  if (!parent && !subflows?.length) return null;
  return (
    <section className="card ticket-subflows" data-testid="ticket-subflows">
      {parent && (
        <p data-testid="ticket-parent">
          {t('tickets.subflow.parent')}{' '}
          {parent.visible ? (
            <Link to={`/tickets/${parent.ticketId}`} data-testid="ticket-parent-link">
              #{parent.number} {parent.title}
            </Link>
          ) : (
            <span>
              #{parent.number} {parent.title}{' '}
              <span className="muted small">({t('tickets.subflow.notVisible')})</span>
            </span>
          )}{' '}
          · {t('tickets.subflow.atStep', { step: parent.nodeName })}
        </p>
      )}
      {subflows && subflows.length > 0 && (
        <>
          <h2>{t('tickets.subflow.children')}</h2>
          <ul className="ticket-subflows__list">
            {subflows.map((child) => (
              <li key={child.ticketId} data-testid="ticket-subflow" data-child-id={child.ticketId}>
                <span className="muted small">{child.nodeName}:</span>{' '}
                {child.visible ? (
                  <Link to={`/tickets/${child.ticketId}`} data-testid="ticket-subflow-link">
                    #{child.number} {child.workflowName}
                  </Link>
                ) : (
                  <span>
                    #{child.number} {child.workflowName}{' '}
                    <span className="muted small">({t('tickets.subflow.notVisible')})</span>
                  </span>
                )}{' '}
                <StatusBadge status={child.status} testId="ticket-subflow-status" />{' '}
                <span data-testid="ticket-subflow-position">
                  {child.steps.length > 0
                    ? t('tickets.detail.current', { steps: child.steps.join(', ') })
                    : t('tickets.detail.noCurrent')}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
