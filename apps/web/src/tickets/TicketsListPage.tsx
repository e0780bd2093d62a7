import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { navItemsFor } from '../app/role-navigation';
import { useAuthStore } from '../auth/auth.store';
import { workflowsApi } from '../http/workflows.api';
import { StatusBadge } from './StatusBadge';
import './tickets.css';
import { ticketsApi } from './tickets.api';
import { TICKET_STATUSES, type Ticket, type WorkflowSummary } from '@ticketflow/contract';

/** /tickets: the tickets the user may see, searchable by title or number, filtered by workflow and status. */
export function TicketsListPage() {
  const { t, i18n } = useTranslation();
  // A requester sees only their own tickets: the page says so.
  const onlyMine = useAuthStore((s) => (s.user ? navItemsFor(s.user.roles).length === 1 : false));
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const workflowKey = params.get('workflow') ?? '';
  const status = params.get('status') ?? '';
  const [search, setSearch] = useState(q);
  const [tickets, setTickets] = useState<Ticket[] | null>(null);
  const [workflows, setWorkflows] = useState<WorkflowSummary[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    workflowsApi.list().then(setWorkflows, () => setWorkflows([]));
  }, []);

  useEffect(() => {
    let live = true;
    ticketsApi
      .list({
        q: q || undefined,
        workflowKey: workflowKey || undefined,
        status: TICKET_STATUSES.find((known) => known === status),
      })
      .then(
        (list) => {
          if (!live) return;
          setTickets(list);
          setError(null);
        },
        (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
      );
    return () => {
      live = false;
    };
  }, [q, workflowKey, status]);

  // Typing searches after a short pause; the query lives in the URL so back/forward keep it.
  useEffect(() => {
    if (search === q) return undefined;
    const timer = setTimeout(() => update('q', search), 300);
    return () => clearTimeout(timer);
  });

  function update(name: string, value: string) {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  }

  const names = new Map(workflows.map((w) => [w.key, w.name]));
  const formatDate = (iso: string) =>
    new Date(iso).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });

  return (
    <main className="page tickets-page" data-testid="tickets-page">
      <div className="page-head">
        <h1 data-testid="tickets-title">{onlyMine ? t('tickets.list.mine') : t('tickets.title')}</h1>
        <Link
          className="button primary"
          to={onlyMine ? '/catalogue' : '/tickets/new'}
          data-testid="new-ticket"
        >
          {onlyMine ? t('tickets.list.newRequest') : t('tickets.new')}
        </Link>
      </div>
      <div className="toolbar-row">
        <input
          type="search"
          className="grow"
          placeholder={t('tickets.search')}
          aria-label={t('tickets.search')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          data-testid="tickets-search"
        />
        <select
          value={workflowKey}
          onChange={(e) => update('workflow', e.target.value)}
          aria-label={t('tickets.columns.workflow')}
          data-testid="tickets-workflow"
        >
          <option value="">{t('tickets.allWorkflows')}</option>
          {workflows.map((w) => (
            <option key={w.key} value={w.key}>
              {w.name}
            </option>
          ))}
        </select>
        <select
          value={status}
          onChange={(e) => update('status', e.target.value)}
          aria-label={t('tickets.columns.status')}
          data-testid="tickets-status"
        >
          <option value="">{t('tickets.allStatuses')}</option>
          {TICKET_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`tickets.status.${s}`)}
            </option>
          ))}
        </select>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {tickets === null && !error && <p className="muted">{t('common.loading')}</p>}
      {tickets?.length === 0 && (
        <p className="muted" data-testid="tickets-empty">
          {t('tickets.empty')}
        </p>
      )}
      {tickets && tickets.length > 0 && (
        <ul className="ticket-list" data-testid="ticket-list">
          {tickets.map((ticket) => (
            <li key={ticket.id} data-testid={`ticket-row-${ticket.number}`}>
              <Link to={`/tickets/${ticket.id}`} className="ticket-row">
                <span className="ticket-row__number">#{ticket.number}</span>
                <span className="ticket-row__title">{ticket.title}</span>
                <StatusBadge status={ticket.status} outcome={ticket.outcome} />
                <span className="ticket-row__meta muted">
                  {names.get(ticket.workflow.key) ?? ticket.workflow.key} ·{' '}
                  {t(`tickets.priority.${ticket.priority}`)} · {ticket.requester.username} ·{' '}
                  {formatDate(ticket.createdAt)}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
