import { create } from 'zustand';
import { useAuthStore } from '../auth/auth.store';
import { connectInboxStream } from './inbox-live';

export type LiveStatus = 'connecting' | 'live' | 'offline';

/** Refetch anyway this often: changes made by other server processes send no event here. */
const FALLBACK_REFRESH_MS = 60_000;
/** Several changes in a burst (one approval closes a task and opens the next) cause one refetch. */
const DEBOUNCE_MS = 150;

interface LiveState {
  status: LiveStatus;
}

/** The shared stream's status, for the "live" indicator. */
export const useLiveStatus = create<LiveState>()(() => ({ status: 'connecting' }));

type Listener = () => void;
const listeners = new Set<Listener>();
let stop: (() => void) | null = null;
let debounce: ReturnType<typeof setTimeout> | undefined;
let interval: ReturnType<typeof setInterval> | undefined;

function fire(): void {
  if (debounce) clearTimeout(debounce);
  debounce = setTimeout(() => {
    for (const listener of [...listeners]) listener();
  }, DEBOUNCE_MS);
}

function start(): void {
  let connectedOnce = false;
  stop = connectInboxStream({
    getToken: () => useAuthStore.getState().token,
    onUnauthorized: () => useAuthStore.getState().logout(),
    onStatus: (status) => useLiveStatus.setState({ status }),
    onEvent: (event) => {
      if (event.event === 'inbox') fire();
      // After a reconnect, changes may have been missed while away.
      if (event.event === 'ready') {
        if (connectedOnce) fire();
        connectedOnce = true;
      }
    },
  });
  interval = setInterval(fire, FALLBACK_REFRESH_MS);
}

function shutdown(): void {
  stop?.();
  stop = null;
  if (interval) clearInterval(interval);
  if (debounce) clearTimeout(debounce);
  useLiveStatus.setState({ status: 'connecting' });
}

/**
 * Registers `listener` to run whenever the user's inbox may have changed. One
 * stream per browser tab is shared by every listener: it opens with the first
 * and closes with the last. Returns the unsubscribe function.
 * Side effects: a streaming request and timers while anyone listens.
 */
export function subscribeInboxChanges(listener: Listener): () => void {
  listeners.add(listener);
  if (!stop) start();
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) shutdown();
  };
}

// Signing out ends the stream; signing in again starts a new one for the listeners still mounted.
useAuthStore.subscribe((state, previous) => {
  if (state.token === previous.token) return;
  if (stop) shutdown();
  if (state.token && listeners.size > 0) start();
});
