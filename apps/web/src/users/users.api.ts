import { api } from '../http/api-client';
import type { AdminUser, Directory } from '@ticketflow/contract';

/** Typed calls for the Users page. Each performs one HTTP request. */
export const usersApi = {
  list: () => api.get<AdminUser[]>('/users'),
  roles: async () => (await api.get<Directory>('/directory')).roles,
  setRoles: (id: string, roles: string[]) =>
    api.put<AdminUser>(`/users/${encodeURIComponent(id)}/roles`, { roles }),
  setEmail: (id: string, email: string | null) =>
    api.put<AdminUser>(`/users/${encodeURIComponent(id)}/email`, { email }),
  deactivate: (id: string) => api.post<AdminUser>(`/users/${encodeURIComponent(id)}/deactivate`),
  activate: (id: string) => api.post<AdminUser>(`/users/${encodeURIComponent(id)}/activate`),
  signOutEverywhere: (id: string) => api.post<void>(`/users/${encodeURIComponent(id)}/sign-out`),
};
