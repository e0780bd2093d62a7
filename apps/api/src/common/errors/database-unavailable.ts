// Node's network errors and pg's own messages when the server cannot be reached or went away.
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EPIPE',
  'EAI_AGAIN',
]);
const POOL_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|terminating connection|Client has encountered a connection error|the database system is (starting up|shutting down|in recovery)|is not currently accepting connections|Cannot use a pool after calling end|Connection is not established/i;
// SQLSTATE classes 08 (connection exception) and 57P0x (operator intervention: shutdown, cannot connect now),
// 53300 (too many connections), 55000 when a database refuses connections.
const SQLSTATE = /^(08...|57P0[1-4]|53300)$/;

/** Seconds a client should wait before retrying while the database is unavailable. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/**
 * True when `error` (as thrown by TypeORM or pg, possibly wrapped) means the
 * database cannot be reached right now — an operational error to answer with
 * 503 and Retry-After, not a bug. Pure.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (
    let current: unknown = error, depth = 0;
    current && typeof current === 'object' && depth < 4;
    depth += 1
  ) {
    const candidate = current as {
      code?: unknown;
      message?: unknown;
      driverError?: unknown;
      cause?: unknown;
      name?: unknown;
    };
    if (
      typeof candidate.code === 'string' &&
      (NETWORK_CODES.has(candidate.code) || SQLSTATE.test(candidate.code))
    )
      return true;
    if (typeof candidate.message === 'string' && POOL_MESSAGES.test(candidate.message)) return true;
    if (candidate.name === 'CannotExecuteNotConnectedError' || candidate.name === 'ConnectionIsNotSetError')
      return true;
    current = candidate.driverError ?? candidate.cause;
  }
  return false;
}
