/** A live inbox stream read with fetch, as the web client reads it. */
export interface SseReader {
  /** Resolves with the time an `event: inbox` arrived after `since` (ms since epoch), or rejects after `timeoutMs`. */
  nextInbox(timeoutMs: number): Promise<number>;
  close(): void;
}

/** Opens `GET /api/live/inbox` on `baseUrl` with `token` and waits for its `ready` event. Side effects: an open HTTP stream. */
export async function openInboxStream(baseUrl: string, token: string): Promise<SseReader> {
  const abort = new AbortController();
  const response = await fetch(`${baseUrl}/api/live/inbox`, {
    headers: { Authorization: `Bearer ${token}` },
    signal: abort.signal,
  });
  if (response.status !== 200 || !response.body) throw new Error(`live inbox: ${response.status}`);
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const arrivals: number[] = [];
  let wake: () => void = () => undefined;
  void (async () => {
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (block.includes('event: inbox')) arrivals.push(Date.now());
          if (block.includes('event: ready') || block.includes('event: inbox')) wake();
        }
      }
    } catch {
      // aborted
    }
  })();
  const waitFor = async (test: () => boolean, timeoutMs: number, what: string) => {
    const deadline = Date.now() + timeoutMs;
    while (!test()) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no ${what} within ${timeoutMs} ms`);
      await new Promise<void>((done) => {
        wake = done;
        setTimeout(done, Math.min(left, 50));
      });
    }
  };
  let seen = 0;
  return {
    async nextInbox(timeoutMs) {
      await waitFor(() => arrivals.length > seen, timeoutMs, 'inbox event');
      seen += 1;
      return arrivals[seen - 1] as number;
    },
    close: () => abort.abort(),
  };
}
