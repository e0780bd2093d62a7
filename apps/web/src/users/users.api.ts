import { api } from '../http/api-client';

/** A user as admins see them (never a password or token). */
export interface AdminUser {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
  active: boolean;
  /** Where notifications are mailed when the server has SMTP; null: in the app only. */
  email: string | null;
}

export interface RoleOption {
  name: string;
  label: string;
}

/** Typed calls for the Users page. Each performs one HTTP request. */
export const usersApi = {
  list: () => api.get<AdminUser[]>('/users'),
  roles: async () => (await api.get<{ roles: RoleOption[] }>('/directory')).roles,
  setRoles: (id: string, roles: string[]) =>
    api.put<AdminUser>(`/users/${encodeURIComponent(id)}/roles`, { roles }),
  setEmail: (id: string, email: string | null) =>
    api.put<AdminUser>(`/users/${encodeURIComponent(id)}/email`, { email }),
  deactivate: (id: string) => api.post<AdminUser>(`/users/${encodeURIComponent(id)}/deactivate`),
  activate: (id: string) => api.post<AdminUser>(`/users/${encodeURIComponent(id)}/activate`),
  signOutEverywhere: (id: string) => api.post<void>(`/users/${encodeURIComponent(id)}/sign-out`),
};
