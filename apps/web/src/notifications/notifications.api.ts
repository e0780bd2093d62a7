import { api } from '../http/api-client';
import type { AppNotification, UnreadCount } from '@ticketflow/contract';

/** Typed calls for the notifications bell. Each performs one HTTP request. */
export const notificationsApi = {
  list: () => api.get<AppNotification[]>('/notifications'),
  unreadCount: () => api.get<UnreadCount>('/notifications/unread-count'),
  markRead: (id: string) => api.post<AppNotification>(`/notifications/${encodeURIComponent(id)}/read`),
};
