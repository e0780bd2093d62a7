import type { Survey } from '@ticketflow/contract';
import { api } from '../http/api-client';

export type { Survey };

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
