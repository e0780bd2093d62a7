import { DomainError } from '../common/errors/domain-error.js';

const WINDOW_MS = 15 * 60 * 1000;
const MAX_FAILURES_PER_USER = 10;
const MAX_FAILURES_PER_ADDRESS = 50;

/**
 * Slows password guessing: after 10 failed logins for one username (from any
 * address) or 50 from one address within 15 minutes, further attempts are
 * refused until the window passes. In memory, per process.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  check(username: string, address: string, now = Date.now()): void {
    for (const key of this.keys(username, address)) {
      const recent = this.recent(key, now);
      const limit = key.startsWith('user:') ? MAX_FAILURES_PER_USER : MAX_FAILURES_PER_ADDRESS;
      if (recent.length >= limit) {
        const retryAfter = Math.ceil(((recent[0] ?? now) + WINDOW_MS - now) / 1000);
        throw new DomainError('too-many-requests', 'too-many-login-attempts', `Too many failed sign-ins; try again in ${retryAfter} seconds.`, { retryAfterSeconds: retryAfter });
      }
    }
  }

  recordFailure(username: string, address: string, now = Date.now()): void {
    for (const key of this.keys(username, address)) this.failures.set(key, [...this.recent(key, now), now]);
  }

  recordSuccess(username: string): void {
    this.failures.delete(`user:${username.toLowerCase()}`);
  }

  private keys(username: string, address: string): string[] {
    return [`user:${username.toLowerCase()}`, `addr:${address}`];
  }

  private recent(key: string, now: number): number[] {
    return (this.failures.get(key) ?? []).filter((at) => now - at < WINDOW_MS);
  }
}
