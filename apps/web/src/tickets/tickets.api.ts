import { api } from '../http/api-client';
import type {
  CreateTicketRequest,
  Ticket,
  TicketComment,
  TicketListQuery,
  Transition,
  VersionRow,
  Visibility,
} from '@ticketflow/contract';

function query(params: object): string {
  const entries = Object.entries(params).filter(([, v]) => v !== undefined && v !== '') as [string, string][];
  return entries.length ? `?${new URLSearchParams(entries).toString()}` : '';
}

/** Typed calls for tickets and the versions they are pinned to. Each performs one HTTP request. */
export const ticketsApi = {
  list: (q: TicketListQuery = {}) => api.get<Ticket[]>(`/tickets${query(q)}`),
  get: (id: string) => api.get<Ticket>(`/tickets/${encodeURIComponent(id)}`),
  transitions: (id: string) => api.get<Transition[]>(`/tickets/${encodeURIComponent(id)}/transitions`),
  comments: (id: string) => api.get<TicketComment[]>(`/tickets/${encodeURIComponent(id)}/comments`),
  addComment: (id: string, text: string, visibility: Visibility) =>
    api.post<TicketComment>(`/tickets/${encodeURIComponent(id)}/comments`, { text, visibility }),
  create: (ticket: CreateTicketRequest) => api.post<Ticket>('/tickets', ticket),
  cancel: (id: string, reason: string) =>
    api.post<Ticket>(`/tickets/${encodeURIComponent(id)}/cancel`, { reason }),
  version: (key: string, version: number) =>
    api.get<VersionRow>(`/workflows/${encodeURIComponent(key)}/versions/${version}`),
};

export { query as toQueryString };
