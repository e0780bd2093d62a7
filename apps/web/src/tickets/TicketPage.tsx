import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatValue } from '@ticketflow/rules';
import { ListFieldView } from './ListFieldView';
import { isChinese } from '../i18n/i18n';
import { useAuthStore } from '../auth/auth.store';
import { isApiError } from '../http/api-error';
import { useInboxLive } from '../live/use-inbox-live';
import { CancelTicketForm } from './CancelTicketForm';
import { StatusBadge } from './StatusBadge';
import './tickets.css';
import { TicketComments } from './TicketComments';
import { TicketAttachments } from '../attachments/TicketAttachments';
import { SatisfactionCard } from '../satisfaction/SatisfactionCard';
import { TicketDecision } from './TicketDecision';
import { TicketDiagram } from './TicketDiagram';
import { TicketIncidents } from './TicketIncidents';
import { TicketSla } from './TicketSla';
import { TicketSubflows } from './TicketSubflows';
import { TicketTimeline } from './TicketTimeline';
import { nodeName, pathOf } from './timeline-model';
import { ticketsApi } from './tickets.api';
import { useWorkflowVersion } from './use-workflow-version';
import type { Ticket, Transition } from '@ticketflow/contract';

/**
 * /tickets/:id: where a ticket is and why — its fields and status, the
 * diagram of the version it is pinned to with the current steps and the path
 * taken, and the timeline of every transition with explanations.
 */
export function TicketPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const user = useAuthStore((s) => s.user);
  const [ticket, setTicket] = useState<Ticket | null>(null);
  const [transitions, setTransitions] = useState<Transition[]>([]);
  const [error, setError] = useState<{ notFound: boolean; message: string } | null>(null);

  const load = useCallback(async () => {
    try {
      const [next, steps] = await Promise.all([ticketsApi.get(id), ticketsApi.transitions(id)]);
      setTicket(next);
      setTransitions(steps);
      setError(null);
    } catch (e) {
      setError({
        notFound: isApiError(e) && e.status === 404,
        message: e instanceof Error ? e.message : String(e),
      });
    }
  }, [id]);

  useEffect(() => {
    void load();
  }, [load]);
  // A decision elsewhere moves the ticket on: the inbox signal is a good enough hint to refresh.
  useInboxLive(load);

  const { version } = useWorkflowVersion(ticket?.workflow.key, ticket?.workflow.version);
  const definition = version?.definition;
  const path = useMemo(
    () => (definition ? pathOf(definition, transitions) : undefined),
    [definition, transitions],
  );

  if (error) {
    return (
      <main className="page" data-testid="ticket-page">
        <p className="error" role="alert">
          {error.notFound ? t('tickets.detail.notFound') : error.message}
        </p>
        <Link to="/tickets">{t('tickets.detail.back')}</Link>
      </main>
    );
  }
  if (!ticket) return <main className="page muted">{t('common.loading')}</main>;

  const locale = i18n.language;
  // The requester reads a requester-friendly page: no diagram (its branch conditions name internal thresholds).
  const requesterView = user?.id === ticket.requester.id && !user?.roles.includes('admin');
  const mayCancel =
    (ticket.status === 'active' || ticket.status === 'incident') &&
    (user?.id === ticket.requester.id || user?.roles.includes('admin'));
  const current = ticket.activeNodes.map((n) => nodeName(definition, n)).join(', ');
  const fieldDefs = definition?.fields ?? [];
  const fieldNames = [...new Set([...fieldDefs.map((f) => f.name), ...Object.keys(ticket.fields)])];

  return (
    <main className="page ticket-page" data-testid="ticket-page" data-ticket-id={ticket.id}>
      <p className="crumbs">
        <Link to="/tickets">{t('tickets.detail.back')}</Link>
      </p>
      <div className="page-head">
        <h1 data-testid="ticket-title">
          <span className="muted">#{ticket.number}</span> {ticket.title}
        </h1>
        <StatusBadge status={ticket.status} outcome={ticket.outcome} />
      </div>
      <p className="ticket-now" data-testid="ticket-current">
        {ticket.activeNodes.length
          ? t('tickets.detail.current', { steps: current })
          : t('tickets.detail.noCurrent')}
      </p>
      <TicketSubflows ticket={ticket} definition={definition} />
      <TicketSla ticketId={ticket.id} refreshKey={ticket.updatedAt} />
      <TicketDecision
        ticketId={ticket.id}
        refreshKey={ticket.updatedAt}
        onDone={() => void load()}
        definition={definition}
      />
      <div className="ticket-layout">
        <section className="card ticket-facts">
          <dl>
            <dt>{t('tickets.detail.workflow')}</dt>
            <dd data-testid="ticket-version">
              {version?.name ?? ticket.workflow.key} ·{' '}
              {t('tickets.detail.version', { version: ticket.workflow.version })}
            </dd>
            <dt>{t('tickets.create.priority')}</dt>
            <dd>{t(`tickets.priority.${ticket.priority}`)}</dd>
            <dt>{t('tickets.detail.requester')}</dt>
            <dd>{ticket.requester.username}</dd>
            <dt>{t('tickets.detail.created')}</dt>
            <dd>{new Date(ticket.createdAt).toLocaleString(locale)}</dd>
          </dl>
          <h2>{t('tickets.detail.fields')}</h2>
          <dl data-testid="ticket-fields">
            {fieldNames.map((name) => {
              const def = fieldDefs.find((f) => f.name === name);
              const value = ticket.fields[name];
              return (
                <div key={name} className="dl-row" data-testid={`ticket-field-${name}`}>
                  <dt>{def?.label ?? name}</dt>
                  <dd>
                    {value === undefined || value === null || value === '' ? (
                      '—'
                    ) : typeof value === 'boolean' ? (
                      t(value ? 'common.yes' : 'common.no')
                    ) : Array.isArray(value) && def && (def.type === 'list' || def.type === 'users') ? (
                      <ListFieldView field={def} value={value} locale={isChinese(locale) ? 'zh' : 'en'} />
                    ) : (
                      formatValue(value, isChinese(locale) ? 'zh' : 'en')
                    )}
                  </dd>
                </div>
              );
            })}
          </dl>
          {mayCancel && <CancelTicketForm ticket={ticket} onCancelled={() => void load()} />}
        </section>
        {!requesterView && (
          <section className="card ticket-diagram-card">
            <h2>{t('tickets.detail.diagram')}</h2>
            {definition && path ? (
              <TicketDiagram
                definition={definition}
                activeNodes={ticket.activeNodes}
                visitedNodes={path.visitedNodes}
                takenEdges={path.takenEdges}
              />
            ) : (
              <p className="muted">{t('common.loading')}</p>
            )}
            <p className="legend small muted">
              <span className="legend__active" /> {t('tickets.detail.legendActive')}{' '}
              <span className="legend__visited" /> {t('tickets.detail.legendVisited')}{' '}
              <span className="legend__taken" /> {t('tickets.detail.legendTaken')}
            </p>
          </section>
        )}
      </div>
      <TicketIncidents
        ticketId={ticket.id}
        isAdmin={Boolean(user?.roles.includes('admin'))}
        definition={definition}
        refreshKey={ticket.updatedAt}
      />
      <TicketAttachments
        ticketId={ticket.id}
        isRequester={requesterView}
        closed={ticket.status === 'completed' || ticket.status === 'cancelled'}
        refreshKey={ticket.updatedAt}
      />
      {requesterView && ticket.status === 'completed' && (
        <SatisfactionCard ticketId={ticket.id} refreshKey={ticket.updatedAt} />
      )}
      <TicketComments ticketId={ticket.id} isRequester={requesterView} refreshKey={ticket.updatedAt} />
      <section className="card">
        <h2>{t('tickets.detail.timeline')}</h2>
        <TicketTimeline transitions={transitions} definition={definition} />
      </section>
    </main>
  );
}
