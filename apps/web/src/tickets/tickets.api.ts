import type { FieldValues, WorkflowDefinition } from '@ticketflow/definition';
import type { TransitionDetail } from '@ticketflow/runtime';
import { api } from '../http/api-client';

export type TicketStatus = 'active' | 'completed' | 'cancelled' | 'incident';
export const TICKET_STATUSES: TicketStatus[] = ['active', 'completed', 'cancelled', 'incident'];
export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];

export interface Ticket {
  id: string;
  number: number;
  title: string;
  fields: FieldValues;
  priority: Priority;
  channel: string;
  status: TicketStatus;
  outcome?: string;
  activeNodes: string[];
  workflow: { key: string; version: number };
  requester: { id: string; username: string };
  createdAt: string;
  updatedAt: string;
  closedAt?: string;
}

/** One recorded move of a ticket's instance (GET /api/tickets/:id/transitions). */
export interface Transition {
  seq: number;
  event: string;
  from: string | null;
  to: string | null;
  actor?: string;
  detail?: TransitionDetail & { fieldChanges?: { field: string; from: unknown; to: unknown }[] };
  at: string;
  /** The requester's timeline: step names and a public comment instead of details. */
  fromName?: string;
  toName?: string;
  comment?: string;
  /** A file added to the ticket (the requester's timeline: public ones). */
  attachment?: { id: string; name: string };
}

/** One comment on a ticket (GET /api/tickets/:id/comments); `by` is null where staff names are hidden. */
export interface TicketComment {
  seq: number;
  at: string;
  text: string;
  visibility: 'internal' | 'public';
  by: string | null;
  fromStaff: boolean;
  step: string | null;
}

export interface WorkflowVersion {
  key: string;
  version: number;
  name: string;
  publishedAt: string;
  publishedBy?: string;
  note?: string | null;
  deprecatedAt?: string | null;
  definition: WorkflowDefinition;
}

export interface TicketListQuery {
  workflowKey?: string;
  status?: string;
  q?: string;
}

export interface NewTicket {
  workflowKey: string;
  title: string;
  fields: FieldValues;
  priority?: Priority;
}

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
  addComment: (id: string, text: string, visibility: 'internal' | 'public') =>
    api.post<TicketComment>(`/tickets/${encodeURIComponent(id)}/comments`, { text, visibility }),
  create: (ticket: NewTicket) => api.post<Ticket>('/tickets', ticket),
  cancel: (id: string, reason: string) =>
    api.post<Ticket>(`/tickets/${encodeURIComponent(id)}/cancel`, { reason }),
  version: (key: string, version: number) =>
    api.get<WorkflowVersion>(`/workflows/${encodeURIComponent(key)}/versions/${version}`),
};

export { query as toQueryString };
