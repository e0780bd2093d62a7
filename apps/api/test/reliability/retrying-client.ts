import { sleep } from './api-process.js';

export interface ApiResponse {
  status: number;
  body: unknown;
  headers: Headers;
}

/**
 * A JSON client that, like a careful real client, retries a request whose
 * connection failed (server killed, restarting) with the same headers — so a
 * POST keeps its Idempotency-Key — until it gets an HTTP answer or `giveUpMs`
 * passes. Counts the retries. Side effects: HTTP requests.
 */
export function retryingClient(baseUrl: () => string, giveUpMs = 60_000) {
  const stats = { requests: 0, retries: 0 };
  async function call(
    method: string,
    path: string,
    token: string | undefined,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiResponse> {
    const deadline = Date.now() + giveUpMs;
    for (let attempt = 0; ; attempt += 1) {
      stats.requests += 1;
      try {
        const response = await fetch(`${baseUrl()}${path}`, {
          method,
          headers: {
            ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
            ...(token ? { Authorization: `Bearer ${token}` } : {}),
            ...headers,
          },
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: AbortSignal.timeout(15_000),
        });
        const text = await response.text();
        return {
          status: response.status,
          body: text === '' ? undefined : (JSON.parse(text) as unknown),
          headers: response.headers,
        };
      } catch (error) {
        if (Date.now() > deadline)
          throw new Error(`${method} ${path}: no answer for ${giveUpMs} ms: ${String(error)}`);
        stats.retries += 1;
        await sleep(Math.min(50 * 2 ** Math.min(attempt, 4), 500));
      }
    }
  }
  return { call, stats };
}

/** Runs `work` over `items` with at most `concurrency` at a time. */
export async function inPool<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) {
      const index = next;
      next += 1;
      await work(items[index] as T, index);
    }
  });
  await Promise.all(workers);
}
