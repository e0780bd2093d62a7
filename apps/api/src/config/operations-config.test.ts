import { describe, expect, it } from 'vitest';
import { loadConfig } from './app-config.js';
import { loadOperationsConfig } from './operations-config.js';

describe('loadOperationsConfig', () => {
  it('has production defaults: pool 20, 30 s statements, 60 s idle transactions, hourly housekeeping', () => {
    const config = loadOperationsConfig({}, true);
    expect(config.database).toEqual({
      poolSize: 20,
      statementTimeoutMs: 30_000,
      idleInTransactionTimeoutMs: 60_000,
    });
    expect(config.retention).toMatchObject({ intervalMinutes: 60, batchSize: 1000, idempotencyKeyHours: 24 });
    expect(config).toMatchObject({
      crossProcessNotify: true,
      shutdownDelayMs: 2000,
      shutdownGraceMs: 10_000,
    });
  });

  it('keeps the embedded database in-process with no shutdown delay', () => {
    expect(loadOperationsConfig({}, false)).toMatchObject({ crossProcessNotify: false, shutdownDelayMs: 0 });
    expect(() => loadOperationsConfig({ CROSS_PROCESS_NOTIFY: 'on' }, false)).toThrow(
      /^CROSS_PROCESS_NOTIFY: needs DATABASE_URL/,
    );
  });

  it('names the variable that is out of range or malformed', () => {
    expect(() => loadOperationsConfig({ DATABASE_POOL_SIZE: '1' }, true)).toThrow(
      /^DATABASE_POOL_SIZE: 1 is outside 2\.\.500/,
    );
    expect(() => loadOperationsConfig({ DATABASE_STATEMENT_TIMEOUT_MS: '50' }, true)).toThrow(
      /^DATABASE_STATEMENT_TIMEOUT_MS: 50 ms is too short/,
    );
    expect(() => loadOperationsConfig({ DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: '10' }, true)).toThrow(
      /^DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS:/,
    );
    expect(() => loadOperationsConfig({ IDEMPOTENCY_RETENTION_HOURS: '0' }, true)).toThrow(
      /^IDEMPOTENCY_RETENTION_HOURS:/,
    );
    expect(() => loadOperationsConfig({ METRICS_TOKEN: 'short' }, true)).toThrow(
      /^METRICS_TOKEN: must be at least 16/,
    );
    expect(() => loadOperationsConfig({ SHUTDOWN_GRACE_MS: 'soon' }, true)).toThrow(
      /^SHUTDOWN_GRACE_MS: "soon" is not a whole number/,
    );
  });

  it('turns statement limits off with 0 and reads worker concurrency with the workers', () => {
    expect(
      loadOperationsConfig(
        { DATABASE_STATEMENT_TIMEOUT_MS: '0', DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: '0' },
        true,
      ).database,
    ).toMatchObject({ statementTimeoutMs: 0, idleInTransactionTimeoutMs: 0 });
    expect(
      loadConfig({ WORKER_TIMER_CONCURRENCY: '2', WORKER_OUTBOX_CONCURRENCY: '16' }).workers,
    ).toMatchObject({ timerConcurrency: 2, outboxConcurrency: 16 });
    expect(() => loadConfig({ WORKER_TIMER_CONCURRENCY: '0' })).toThrow(/^WORKER_TIMER_CONCURRENCY:/);
  });
});
