import { api } from '../http/api-client';

/** A satisfaction survey as its requester sees it (see apps/api/src/satisfaction). */
export interface Survey {
  state: 'none' | 'asked' | 'answered';
  ticket?: { id?: string; number: number; title: string };
  rating?: number;
  comment?: string | null;
  askedAt?: string;
  respondedAt?: string | null;
}

/** Survey calls; each performs one HTTP request. */
export const satisfactionApi = {
  ofTicket: (ticketId: string) => api.get<Survey>(`/tickets/${encodeURIComponent(ticketId)}/satisfaction`),
  rate: (ticketId: string, rating: number, comment: string) =>
    api.post<Survey>(`/tickets/${encodeURIComponent(ticketId)}/satisfaction`, {
      rating,
      ...(comment.trim() ? { comment: comment.trim() } : {}),
    }),
  byToken: (token: string) => api.get<Survey>(`/satisfaction/survey?token=${encodeURIComponent(token)}`),
  answerByToken: (token: string, answer: { rating?: number; comment?: string }) =>
    api.post<Survey>('/satisfaction/answer', { token, ...answer }),
};
