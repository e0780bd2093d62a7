import type { Logger } from '@nestjs/common';
import { requestContext } from '../../common/context/request-context.js';

/** What one round of work found: more due right away, or when the next item is due. */
export interface RoundResult {
  more: boolean;
  /** Milliseconds until the next item is due, when known. */
  nextInMs?: number | null;
}

/**
 * Runs `round` in a loop: again at once while it finds more, otherwise after
 * the poll interval or the next due time, whichever is sooner; `wake()` cuts
 * the wait short (in-process notification after a commit). `stop()` waits
 * for the round in progress. Rounds run outside any request's context, so a
 * request's Idempotency-Key never leaks into a worker's transaction.
 */
export class PollingWorker {
  private running: Promise<void> | null = null;
  private stopped = true;
  private woken = false;
  private interrupt: (() => void) | null = null;

  constructor(
    private readonly name: string,
    private readonly logger: Logger,
    private readonly pollMs: number,
    private readonly round: () => Promise<RoundResult>,
  ) {}

  get isRunning(): boolean {
    return !this.stopped;
  }

  /** Starts the loop (idempotent). Side effect: background work until stop(). */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.running = requestContext.exit(() => this.loop());
  }

  /** Asks for a round now. */
  wake(): void {
    this.woken = true;
    this.interrupt?.();
  }

  /** Stops the loop and waits for the current round to finish. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.interrupt?.();
    await this.running;
    this.running = null;
  }

  private async loop(): Promise<void> {
    let failures = 0;
    while (!this.stopped) {
      this.woken = false;
      let delay = this.pollMs;
      try {
        const result = await this.round();
        failures = 0;
        if (result.more) continue;
        if (result.nextInMs !== undefined && result.nextInMs !== null)
          delay = Math.min(delay, Math.max(0, Math.ceil(result.nextInMs)));
      } catch (error) {
        failures += 1;
        delay = Math.min(this.pollMs * 2 ** Math.min(failures, 5), 30_000);
        if (!this.stopped)
          this.logger.error(
            `${this.name} round failed: ${error instanceof Error ? error.message : String(error)}`,
          );
      }
      if (this.woken || this.stopped) continue;
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          this.interrupt = null;
          resolve();
        };
        const timer = setTimeout(done, delay);
        this.interrupt = done;
      });
    }
  }
}

/** Runs `work` over `items` with at most `limit` at a time; resolves when all settled. */
export async function forEachLimited<T>(
  items: T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, async () => {
    while (next < items.length) {
      const item = items[next] as T;
      next += 1;
      await work(item);
    }
  });
  await Promise.all(lanes);
}
