import type { DataSource } from 'typeorm';

/**
 * Session-level advisory lock keys (one number space per database; the audit
 * chain's transaction lock lives in audit.service.ts). Kept together so two
 * features never pick the same number.
 */
export const ADVISORY_LOCKS = {
  migrations: 0x7466_0001,
  startupSeed: 0x7466_0002,
  housekeeping: 0x7466_0003,
} as const;

/**
 * Runs `work` while holding the session advisory lock `key` on one dedicated
 * connection, waiting for another process to release it first. Side effects:
 * holds a pool connection for the duration. Never use it on the embedded
 * database, whose pool has one connection: `work` could not query.
 */
export async function withAdvisoryLock<T>(
  dataSource: DataSource,
  key: number,
  work: () => Promise<T>,
): Promise<T> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    // Waiting for the lock is not a slow statement: the holder may be running long migrations.
    await runner.query('SET statement_timeout = 0');
    await runner.query('SELECT pg_advisory_lock($1)', [key]);
    try {
      return await work();
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [key]);
    }
  } finally {
    await runner.query('RESET statement_timeout').catch(() => undefined);
    await runner.release();
  }
}

/**
 * Runs `work` only if the advisory lock `key` is free (another process has it:
 * returns `{ ran: false }` at once). Side effects: as withAdvisoryLock.
 */
export async function whenAdvisoryLockFree<T>(
  dataSource: DataSource,
  key: number,
  work: () => Promise<T>,
): Promise<{ ran: true; value: T } | { ran: false }> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    const [row] = (await runner.query('SELECT pg_try_advisory_lock($1) AS locked', [key])) as {
      locked: boolean;
    }[];
    if (!row?.locked) return { ran: false };
    try {
      return { ran: true, value: await work() };
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [key]);
    }
  } finally {
    await runner.release();
  }
}
