import { ConfigError, optional, parseBoolean, parseInteger, parseSecret } from './env-values.js';

/** Connection pool and the server-side limits every connection gets. */
export interface DatabaseSettings {
  /** Connections per process (PostgreSQL only; the embedded server has its own fixed size). */
  poolSize: number;
  /** `statement_timeout` per connection; 0 turns it off. */
  statementTimeoutMs: number;
  /** `idle_in_transaction_session_timeout` per connection; 0 turns it off. */
  idleInTransactionTimeoutMs: number;
}

/** How long rows that no longer drive anything are kept before housekeeping deletes them. */
export interface RetentionSettings {
  /** Minutes between housekeeping rounds; 0 turns housekeeping off in this process. */
  intervalMinutes: number;
  /** Rows deleted per statement, so no delete holds locks for long. */
  batchSize: number;
  idempotencyKeyHours: number;
  /** Fired and cancelled timers. */
  timerDays: number;
  /** Sent (done) and cancelled outbox rows not referenced by an incident. */
  outboxDays: number;
  /** Notifications that have been read. */
  readNotificationDays: number;
  intakeMessageDays: number;
}

/** Running as one of several processes: metrics, cross-process wake-ups, shutdown. */
export interface OperationsConfig {
  database: DatabaseSettings;
  retention: RetentionSettings;
  /** Bearer token Prometheus scrapes `/metrics` with (admins may use their own token). */
  metricsToken?: string;
  /** Optional internal port serving only `GET /metrics` (besides `/metrics` on the main port). */
  metricsPort?: number;
  /** Listen/notify between processes on PostgreSQL; the embedded database is always one process. */
  crossProcessNotify: boolean;
  /** After SIGTERM: how long readiness answers 503 before the server stops accepting connections. */
  shutdownDelayMs: number;
  /** After that: how long in-flight requests and worker rounds get before the process exits anyway. */
  shutdownGraceMs: number;
}

/**
 * Reads the operations settings from `env`. Pure apart from reading the
 * argument; throws ConfigError naming the first bad variable. Defaults that
 * only matter with several processes (the shutdown delay) are zero on the
 * embedded database.
 */
export function loadOperationsConfig(env: NodeJS.ProcessEnv, usesServerDatabase: boolean): OperationsConfig {
  const statementTimeoutMs = parseInteger(env, 'DATABASE_STATEMENT_TIMEOUT_MS', 30_000, 0, 3_600_000);
  const idleInTransactionTimeoutMs = parseInteger(
    env,
    'DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS',
    60_000,
    0,
    3_600_000,
  );
  if (statementTimeoutMs !== 0 && statementTimeoutMs < 100)
    throw new ConfigError(
      'DATABASE_STATEMENT_TIMEOUT_MS',
      `${statementTimeoutMs} ms is too short for any real statement (0 turns it off, else at least 100)`,
    );
  if (idleInTransactionTimeoutMs !== 0 && idleInTransactionTimeoutMs < 1000)
    throw new ConfigError(
      'DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS',
      `${idleInTransactionTimeoutMs} ms would cut off transactions waiting on a lock (0 turns it off, else at least 1000)`,
    );
  const crossProcessNotify = parseBoolean(env, 'CROSS_PROCESS_NOTIFY', true);
  if (crossProcessNotify && optional(env, 'CROSS_PROCESS_NOTIFY') !== undefined && !usesServerDatabase) {
    throw new ConfigError(
      'CROSS_PROCESS_NOTIFY',
      'needs DATABASE_URL: the embedded database is one process and has no LISTEN/NOTIFY across connections',
    );
  }
  return {
    database: {
      poolSize: parseInteger(env, 'DATABASE_POOL_SIZE', 20, 2, 500),
      statementTimeoutMs,
      idleInTransactionTimeoutMs,
    },
    retention: {
      intervalMinutes: parseInteger(env, 'HOUSEKEEPING_INTERVAL_MINUTES', 60, 0, 7 * 24 * 60),
      batchSize: parseInteger(env, 'HOUSEKEEPING_BATCH_SIZE', 1000, 1, 100_000),
      idempotencyKeyHours: parseInteger(env, 'IDEMPOTENCY_RETENTION_HOURS', 24, 1, 24 * 365),
      timerDays: parseInteger(env, 'TIMER_RETENTION_DAYS', 30, 1, 3650),
      outboxDays: parseInteger(env, 'OUTBOX_RETENTION_DAYS', 30, 1, 3650),
      readNotificationDays: parseInteger(env, 'NOTIFICATION_RETENTION_DAYS', 90, 1, 3650),
      intakeMessageDays: parseInteger(env, 'INTAKE_RETENTION_DAYS', 90, 1, 3650),
    },
    metricsToken: parseSecret(env, 'METRICS_TOKEN', 16),
    metricsPort:
      optional(env, 'METRICS_PORT') === undefined
        ? undefined
        : parseInteger(env, 'METRICS_PORT', 0, 1, 65535),
    crossProcessNotify: crossProcessNotify && usesServerDatabase,
    shutdownDelayMs: parseInteger(env, 'SHUTDOWN_DELAY_MS', usesServerDatabase ? 2000 : 0, 0, 120_000),
    shutdownGraceMs: parseInteger(env, 'SHUTDOWN_GRACE_MS', 10_000, 0, 600_000),
  };
}
