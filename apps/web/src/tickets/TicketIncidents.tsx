import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkflowDefinition } from '@ticketflow/definition';
import { api } from '../http/api-client';
import { nodeName } from './timeline-model';
import type { Incident } from '@ticketflow/contract';

/**
 * Open incidents of this ticket (GET /api/incidents is for admins, so only
 * they see the list; everyone sees the ticket's `incident` status).
 */
export function TicketIncidents({
  ticketId,
  isAdmin,
  definition,
  refreshKey,
}: {
  ticketId: string;
  isAdmin: boolean;
  definition?: WorkflowDefinition;
  refreshKey: unknown;
}) {
  const { t, i18n } = useTranslation();
  const [incidents, setIncidents] = useState<Incident[]>([]);
  useEffect(() => {
    if (!isAdmin) return undefined;
    let live = true;
    api.get<Incident[]>('/incidents').then(
      (list) => live && setIncidents(Array.isArray(list) ? list.filter((i) => i.ticketId === ticketId) : []),
      () => live && setIncidents([]),
    );
    return () => {
      live = false;
    };
  }, [ticketId, isAdmin, refreshKey]);
  if (incidents.length === 0) return null;
  return (
    <section className="card incidents" data-testid="ticket-incidents">
      <h2>{t('tickets.detail.incidents')}</h2>
      <ul>
        {incidents.map((incident) => (
          <li key={incident.id} data-testid={`incident-${incident.id}`}>
            <strong>{incident.nodeId ? nodeName(definition, incident.nodeId) : incident.code}</strong> —{' '}
            {incident.message}{' '}
            <span className="muted small">
              ({new Date(incident.createdAt).toLocaleString(i18n.language)})
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
