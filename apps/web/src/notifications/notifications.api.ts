import { api } from '../http/api-client';

/** One in-app notification (GET /api/notifications). */
export interface AppNotification {
  id: string;
  ticketId: string | null;
  kind: string;
  title: string;
  body: string | null;
  createdAt: string;
  readAt: string | null;
}

/** Typed calls for the notifications bell. Each performs one HTTP request. */
export const notificationsApi = {
  list: () => api.get<AppNotification[]>('/notifications'),
  unreadCount: () => api.get<{ count: number }>('/notifications/unread-count'),
  markRead: (id: string) => api.post<AppNotification>(`/notifications/${encodeURIComponent(id)}/read`),
};
