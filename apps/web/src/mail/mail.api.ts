import { api } from '../http/api-client';

/** An inbound e-mail address and how its mail becomes tickets (see apps/api/src/mail). */
export interface MailChannel {
  id: string;
  address: string;
  enabled: boolean;
  workflowKey: string;
  titleTemplate: string;
  fieldMappings: Record<string, unknown>[];
  unknownSender: 'reject' | 'fallback';
  fallbackRequester: string | null;
  allowedDomains: string[];
  maxBytes: number;
}

export type MailChannelBody = Omit<MailChannel, 'id'>;

/** One inbound e-mail and what became of it. */
export interface MailMessage {
  id: string;
  channel: string | null;
  status: 'ticket' | 'comment' | 'ignored' | 'rejected';
  reason: string | null;
  from: string | null;
  subject: string | null;
  ticketId: string | null;
  ticketNumber: string | null;
  receivedAt: string;
}

/** Admin calls for inbound e-mail; each performs one HTTP request. */
export const mailApi = {
  channels: () => api.get<MailChannel[]>('/mail/channels'),
  create: (body: MailChannelBody) => api.post<MailChannel>('/mail/channels', body),
  replace: (id: string, body: MailChannelBody) =>
    api.put<MailChannel>(`/mail/channels/${encodeURIComponent(id)}`, body),
  remove: (id: string) => api.del<void>(`/mail/channels/${encodeURIComponent(id)}`),
  messages: () => api.get<MailMessage[]>('/mail/messages?limit=20'),
};
