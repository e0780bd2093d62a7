import type { MailChannel, MailChannelBody, MailMessage } from '@ticketflow/contract';
import { api } from '../http/api-client';

export type { MailChannel, MailChannelBody, MailMessage };

/** Admin calls for inbound e-mail; each performs one HTTP request. */
export const mailApi = {
  channels: () => api.get<MailChannel[]>('/mail/channels'),
  create: (body: MailChannelBody) => api.post<MailChannel>('/mail/channels', body),
  replace: (id: string, body: MailChannelBody) =>
    api.put<MailChannel>(`/mail/channels/${encodeURIComponent(id)}`, body),
  remove: (id: string) => api.del<void>(`/mail/channels/${encodeURIComponent(id)}`),
  messages: () => api.get<MailMessage[]>('/mail/messages?limit=20'),
};
