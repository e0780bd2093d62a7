import { create } from 'zustand';
import { api, configureApiClient } from '../http/api-client';
import type { LoginResponse, User } from '@ticketflow/contract';

const STORAGE_KEY = 'ticketflow.auth';

interface StoredAuth {
  token: string;
  user: User;
}

export interface AuthState {
  token: string | null;
  user: User | null;
  /** Signs in; throws ApiError (401 `invalid-credentials` or similar) on failure. */
  login: (username: string, password: string) => Promise<User>;
  logout: () => void;
  /** Re-reads the signed-in user (GET /auth/me); a 401 there signs out through the API client. */
  refreshUser: () => Promise<void>;
}

function readStored(): StoredAuth | null {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    return raw ? (JSON.parse(raw) as StoredAuth) : null;
  } catch {
    return null;
  }
}

const stored = readStored();

/** The signed-in user and token; the token survives reloads in localStorage. */
export const useAuthStore = create<AuthState>()((set, get) => ({
  token: stored?.token ?? null,
  user: stored?.user ?? null,
  login: async (username, password) => {
    const res = await api.post<LoginResponse>('/auth/login', { username, password });
    localStorage.setItem(STORAGE_KEY, JSON.stringify({ token: res.accessToken, user: res.user }));
    set({ token: res.accessToken, user: res.user });
    return res.user;
  },
  logout: () => {
    localStorage.removeItem(STORAGE_KEY);
    set({ token: null, user: null });
  },
  refreshUser: async () => {
    const token = get().token;
    if (!token) return;
    try {
      const user = await api.get<User>('/auth/me');
      if (get().token !== token) return;
      localStorage.setItem(STORAGE_KEY, JSON.stringify({ token, user }));
      set({ user });
    } catch {
      // 401 already signed out; other failures keep the stored user.
    }
  },
}));

// A 401 on a signed-in call drops the session; RequireAuth then routes to /login.
configureApiClient({
  getToken: () => useAuthStore.getState().token,
  onUnauthorized: () => useAuthStore.getState().logout(),
});
