import { parseEventStream, type ServerEvent } from './sse-parser';

export interface LiveStreamOptions {
  /** The bearer token, read fresh for each (re)connection. */
  getToken: () => string | null;
  /** Called for every event (`ready`, `inbox`). */
  onEvent: (event: ServerEvent) => void;
  /** The server answered 401: the session is over. */
  onUnauthorized: () => void;
  /** Connection state, for the "live" indicator. */
  onStatus?: (status: 'connecting' | 'live' | 'offline') => void;
  /** Delay before reconnecting after an error or a normal close; grows up to 30 s after errors. */
  retryMs?: number;
}

/**
 * Reads `GET /api/live/inbox` with fetch streaming, so the token travels in the
 * Authorization header (EventSource would put it in the URL). Reconnects when
 * the server closes the stream or the network drops. Returns a function that
 * stops it. Side effects: network requests and timers until stopped.
 */
export function connectInboxStream(options: LiveStreamOptions): () => void {
  const abort = new AbortController();
  let stopped = false;
  let failures = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const base = options.retryMs ?? 3000;

  const schedule = (delay: number) => {
    if (stopped) return;
    timer = setTimeout(() => void run(), delay);
  };

  async function run(): Promise<void> {
    const token = options.getToken();
    if (!token || stopped) return;
    options.onStatus?.('connecting');
    try {
      const response = await fetch('/api/live/inbox', {
        headers: { Authorization: `Bearer ${token}`, Accept: 'text/event-stream' },
        signal: abort.signal,
        cache: 'no-store',
      });
      if (response.status === 401) {
        options.onStatus?.('offline');
        options.onUnauthorized();
        return;
      }
      if (!response.ok || !response.body) throw new Error(`stream answered ${response.status}`);
      const reader = response.body.getReader();
      const decoder = new TextDecoder();
      let buffer = '';
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        const parsed = parseEventStream(buffer);
        buffer = parsed.rest;
        for (const event of parsed.events) {
          if (event.event === 'ready') {
            failures = 0;
            options.onStatus?.('live');
          }
          options.onEvent(event);
        }
      }
      // The server ends streams after a while; reconnect (and be authenticated again).
      schedule(base);
    } catch {
      if (stopped) return;
      failures += 1;
      options.onStatus?.('offline');
      schedule(Math.min(30_000, base * 2 ** Math.min(failures, 4)));
    }
  }

  void run();
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    abort.abort();
  };
}
