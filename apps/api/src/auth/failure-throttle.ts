import { RateLimiterPostgres, type RateLimiterRes } from 'rate-limiter-flexible';
import type { DataSource } from 'typeorm';
import { tooManyRequests } from '../common/errors/domain-error.js';

/** How one kind of key is throttled: failures allowed freely, then a wait that doubles per failure up to a cap. */
export interface ThrottleRule {
  /** Key prefix (`acct`, `addr`, `hook`…); also names the counter in `rate_limits`. */
  name: string;
  freeFailures: number;
  maxDelaySeconds: number;
  /** A failure is forgotten this long after the last one. */
  windowSeconds: number;
}

/** A key to check, under the rule that applies to it. */
export interface ThrottleKey {
  rule: ThrottleRule;
  value: string;
}

/**
 * Failure throttling shared by every API process: counters live in the
 * `rate_limits` table through rate-limiter-flexible's PostgreSQL store, so
 * they survive restarts and a guesser cannot double their tries by spreading
 * them over two processes. There is no lock-out: after the free failures each
 * further one makes the next attempt wait 1 s, 2 s, 4 s… up to the rule's cap,
 * and an attempt that arrives during the wait is refused (429 + Retry-After)
 * without being counted.
 */
export class FailureThrottle {
  private readonly failures = new Map<string, RateLimiterPostgres>();
  private readonly waits = new Map<string, RateLimiterPostgres>();

  constructor(
    dataSource: DataSource,
    rules: ThrottleRule[],
    private readonly code: string,
    private readonly what: string,
  ) {
    // TypeORM's postgres driver keeps its `pg` pool as `driver.master`.
    const pool = (dataSource.driver as unknown as { master: unknown }).master;
    for (const rule of rules) {
      const common = { storeClient: pool, storeType: 'pool', tableName: 'rate_limits', tableCreated: true };
      this.failures.set(
        rule.name,
        new RateLimiterPostgres({
          ...common,
          keyPrefix: `${rule.name}-fail`,
          points: 1_000_000,
          duration: rule.windowSeconds,
        }),
      );
      this.waits.set(
        rule.name,
        new RateLimiterPostgres({ ...common, keyPrefix: `${rule.name}-wait`, points: 1, duration: 1 }),
      );
    }
  }

  /** Throws 429 (with `retryAfterSeconds`) while any key still has to wait. Side effects: reads. */
  async check(keys: ThrottleKey[]): Promise<void> {
    let waitMs = 0;
    for (const key of keys) {
      const state = (await this.limiter(this.waits, key).get(key.value)) as RateLimiterRes | null;
      if (state && state.consumedPoints > 1) waitMs = Math.max(waitMs, state.msBeforeNext);
    }
    if (waitMs > 0) {
      const seconds = Math.max(1, Math.ceil(waitMs / 1000));
      throw tooManyRequests(
        this.code,
        `Too many failed ${this.what}; try again in ${seconds} seconds.`,
        seconds,
      );
    }
  }

  /** Counts a failure on every key and starts the wait its count calls for. Side effects: writes. */
  async recordFailure(keys: ThrottleKey[]): Promise<void> {
    for (const key of keys) {
      const counted = await this.limiter(this.failures, key).penalty(key.value, 1);
      const over = counted.consumedPoints - key.rule.freeFailures;
      if (over > 0)
        await this.limiter(this.waits, key).block(key.value, delaySeconds(over, key.rule.maxDelaySeconds));
    }
  }

  /** Forgets the failures of these keys (after a success). Side effects: deletes. */
  async reset(keys: ThrottleKey[]): Promise<void> {
    for (const key of keys) {
      await this.limiter(this.failures, key).delete(key.value);
      await this.limiter(this.waits, key).delete(key.value);
    }
  }

  private limiter(map: Map<string, RateLimiterPostgres>, key: ThrottleKey): RateLimiterPostgres {
    const limiter = map.get(key.rule.name);
    if (!limiter) throw new Error(`no throttle rule "${key.rule.name}"`);
    return limiter;
  }
}

/** The wait after the `over`-th failure past the free ones: 1, 2, 4 … seconds, at most `max`. Pure. */
export function delaySeconds(over: number, max: number): number {
  return Math.min(max, 2 ** Math.min(over - 1, 30));
}
