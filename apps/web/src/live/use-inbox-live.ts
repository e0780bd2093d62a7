import { useEffect, useRef } from 'react';
import { subscribeInboxChanges, useLiveStatus, type LiveStatus } from './live-signal.store';

/**
 * Calls `onChange` whenever the signed-in user's inbox may have changed: on an
 * `inbox` event from the shared live stream, after a reconnect, and every
 * minute as a fallback. Returns the stream status.
 */
export function useInboxLive(onChange: () => void): LiveStatus {
  const callback = useRef(onChange);
  useEffect(() => {
    callback.current = onChange;
  }, [onChange]);
  useEffect(() => subscribeInboxChanges(() => callback.current()), []);
  return useLiveStatus((s) => s.status);
}
