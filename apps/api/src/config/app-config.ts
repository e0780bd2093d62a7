import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, optional, parseBoolean, parseInteger } from './env-values.js';
import { loadOperationsConfig, type OperationsConfig } from './operations-config.js';
import { loadAttachmentsConfig, type AttachmentsConfig } from '../attachments/attachments-config.js';

export { ConfigError } from './env-values.js';

/** Settings read once at start-up from the environment. */
export interface AppConfig {
  port: number;
  host: string;
  /** Absent: the embedded PGlite database in `dataDir`. */
  databaseUrl?: string;
  /**
   * The schema owner's URL: when set, migrations run with it and the owner grants `DATABASE_URL`'s role
   * read/write access without UPDATE/DELETE on transitions, approval_votes and audit_log.
   */
  migrationDatabaseUrl?: string;
  dataDir: string;
  /** Seeds demo users (password `demo`) and the example workflows. */
  demoMode: boolean;
  /** HMAC secret for access tokens; generated and kept in `dataDir` in demo mode. */
  jwtSecret?: string;
  /** Signs audit rows (HMAC); default: derived from the token secret. Never stored in the database. */
  auditKey?: string;
  tokenTtlSeconds: number;
  /** Folder with the built web app; served at `/` when it exists. */
  webDist: string;
  /** Folder with example workflow definitions, seeded in demo mode. */
  workflowsDir: string;
  logLevel: LogLevel;
  /** Background workers (timers, outbox); `WORKERS=off` serves HTTP only. */
  workers: WorkerConfig;
  /** Pool, timeouts, retention, metrics, cross-process notifications, shutdown. */
  operations: OperationsConfig;
  /** Express `trust proxy`: false (default, the socket address is the client), true, a hop count, or addresses/subnets. */
  trustProxy: boolean | number | string[];
  /** 32-byte key (base64 or hex) that encrypts the secret store (AES-256-GCM); generated and kept in `dataDir` in demo mode. */
  secretsKey?: string;
  /** E-mail for notifications; absent `smtpUrl`: in-app notifications only. */
  mail: MailConfig;
  /** Attachments: size limit, allowed types, where bytes are kept, virus scanning (issue 21). */
  attachments: AttachmentsConfig;
}

/** Where notification e-mails go out (`SMTP_URL`, `MAIL_FROM`). */
export interface MailConfig {
  /** `smtp://user:pass@host:587` or `smtps://…:465`; absent: no e-mail. */
  smtpUrl?: string;
  from: string;
  /** Port of the inbound SMTP receiver (`MAIL_INBOUND_PORT`); absent: no e-mail intake. */
  inboundPort?: number;
  /** Where it listens (`MAIL_INBOUND_HOST`, default loopback: a mail server in front relays to it). */
  inboundHost: string;
  /** The web app's address for links in e-mails (`PUBLIC_URL`), without a trailing slash. */
  publicUrl: string;
}

/** Timer scheduler, outbox dispatcher, HTTP actions and signed webhooks. */
export interface WorkerConfig {
  enabled: boolean;
  /** How often a worker looks for due work when nothing woke it. */
  pollMs: number;
  /** Timers fired at once per process (PostgreSQL; the embedded database runs one at a time). */
  timerConcurrency: number;
  /** Outbox actions performed at once per process. */
  outboxConcurrency: number;
  /** Base delay of the outbox's exponential backoff: base, 2×base, 4×base… */
  outboxBackoffMs: number;
  /** Attempts before an HTTP action counts as failed. */
  outboxMaxAttempts: number;
  httpTimeoutMs: number;
  httpMaxResponseBytes: number;
  /** Hosts HTTP actions may call (`*` any public host, `*.example.com` a domain); admins add more in settings. */
  httpAllowedHosts: string[];
  /** Hosts that may resolve to private or loopback addresses (a local receiver in tests). */
  httpAllowPrivateHosts: string[];
  /**
   * Standard Webhooks secrets for signed inbound events, newest first; two during a rotation
   * (`WEBHOOK_SECRET=new,old`). Empty: signed calls are refused.
   */
  webhookSecrets: string[];
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');

/**
 * Reads and validates the configuration from `env`. Pure apart from reading the
 * argument; throws ConfigError naming the first bad variable.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const databaseUrl = optional(env, 'DATABASE_URL');
  if (databaseUrl !== undefined) checkDatabaseUrl(databaseUrl);
  const migrationDatabaseUrl = optional(env, 'DATABASE_MIGRATION_URL');
  if (migrationDatabaseUrl !== undefined) checkDatabaseUrl(migrationDatabaseUrl, 'DATABASE_MIGRATION_URL');
  if (migrationDatabaseUrl !== undefined && databaseUrl === undefined)
    throw new ConfigError(
      'DATABASE_MIGRATION_URL',
      'needs DATABASE_URL too (the application role the owner grants access to)',
    );
  const demoMode = parseBoolean(env, 'DEMO_MODE', databaseUrl === undefined);
  const jwtSecret = optional(env, 'JWT_SECRET');
  if (jwtSecret !== undefined && jwtSecret.length < 32) {
    throw new ConfigError('JWT_SECRET', 'must be at least 32 characters long');
  }
  if (!demoMode && jwtSecret === undefined) {
    throw new ConfigError('JWT_SECRET', 'is required when DEMO_MODE is off (at least 32 random characters)');
  }
  const auditKey = optional(env, 'AUDIT_KEY');
  if (auditKey !== undefined && auditKey.length < 32)
    throw new ConfigError('AUDIT_KEY', 'must be at least 32 characters long');
  const port = parseInteger(env, 'PORT', 3000, 0, 65535);
  const operations = loadOperationsConfig(env, databaseUrl !== undefined);
  if (operations.metricsPort === port)
    throw new ConfigError(
      'METRICS_PORT',
      `${port} is PORT already (which serves /metrics too); pick another port or leave it unset`,
    );
  return {
    port,
    host: optional(env, 'HOST') ?? '0.0.0.0',
    databaseUrl,
    migrationDatabaseUrl,
    dataDir: resolve(optional(env, 'DATA_DIR') ?? resolve(repoRoot, '.data')),
    demoMode,
    jwtSecret,
    auditKey,
    tokenTtlSeconds: parseInteger(env, 'TOKEN_TTL_SECONDS', 8 * 3600, 60, 30 * 24 * 3600),
    webDist: resolve(optional(env, 'WEB_DIST') ?? resolve(repoRoot, 'apps/web/dist')),
    workflowsDir: resolve(optional(env, 'WORKFLOWS_DIR') ?? resolve(repoRoot, 'workflows')),
    logLevel: parseLogLevel(env),
    workers: loadWorkerConfig(env),
    operations,
    trustProxy: parseTrustProxy(env),
    secretsKey: parseSecretsKey(env),
    mail: loadMailConfig(env),
    attachments: loadAttachmentsConfig(env),
  };
}

function parseTrustProxy(env: NodeJS.ProcessEnv): boolean | number | string[] {
  const raw = optional(env, 'TRUST_PROXY');
  if (raw === undefined) return false;
  const lower = raw.toLowerCase();
  if (['false', 'off', 'no', '0'].includes(lower)) return false;
  if (['true', 'on', 'yes'].includes(lower)) return true;
  if (/^\d+$/.test(raw)) return Number(raw);
  const entries = raw
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  const bad = entries.find(
    (entry) => !/^(loopback|linklocal|uniquelocal|[0-9a-fA-F:.]+(\/\d{1,3})?)$/.test(entry),
  );
  if (bad !== undefined)
    throw new ConfigError(
      'TRUST_PROXY',
      `"${bad}" is not true, false, a hop count, loopback/linklocal/uniquelocal or an address/subnet`,
    );
  return entries;
}

function parseSecretsKey(env: NodeJS.ProcessEnv): string | undefined {
  const raw = optional(env, 'SECRETS_KEY');
  if (raw === undefined) return undefined;
  const bytes = /^[0-9a-fA-F]{64}$/.test(raw) ? Buffer.from(raw, 'hex') : Buffer.from(raw, 'base64');
  if (bytes.length !== 32)
    throw new ConfigError(
      'SECRETS_KEY',
      'must be 32 random bytes, as 64 hex digits or base64 (openssl rand -base64 32)',
    );
  return raw;
}

function loadMailConfig(env: NodeJS.ProcessEnv): MailConfig {
  const smtpUrl = optional(env, 'SMTP_URL');
  if (smtpUrl !== undefined) {
    let url: URL | undefined;
    try {
      url = new URL(smtpUrl);
    } catch {
      url = undefined;
    }
    if (!url || (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') || url.hostname === '') {
      throw new ConfigError(
        'SMTP_URL',
        'must look like smtp://user:password@mail.example.com:587 or smtps://…:465',
      );
    }
  }
  const from = optional(env, 'MAIL_FROM') ?? 'Ticketflow <no-reply@ticketflow.local>';
  if (!/^[^<>]*<?[^\s@<>]+@[^\s@<>]+>?$/.test(from))
    throw new ConfigError(
      'MAIL_FROM',
      `"${from}" is not an address such as "Ticketflow <no-reply@example.com>"`,
    );
  const inboundPort =
    optional(env, 'MAIL_INBOUND_PORT') === undefined
      ? undefined
      : parseInteger(env, 'MAIL_INBOUND_PORT', 2525, 0, 65535);
  const publicUrl = (optional(env, 'PUBLIC_URL') ?? 'http://localhost:3000').replace(/\/+$/, '');
  if (!/^https?:\/\/[^\s/]+(\/[^\s]*)?$/.test(publicUrl))
    throw new ConfigError(
      'PUBLIC_URL',
      `"${publicUrl}" is not an http(s) address such as https://tickets.example.com`,
    );
  return {
    ...(smtpUrl ? { smtpUrl } : {}),
    from,
    ...(inboundPort === undefined ? {} : { inboundPort }),
    inboundHost: optional(env, 'MAIL_INBOUND_HOST') ?? '127.0.0.1',
    publicUrl,
  };
}

function loadWorkerConfig(env: NodeJS.ProcessEnv): WorkerConfig {
  const webhookSecrets = (optional(env, 'WEBHOOK_SECRET') ?? '')
    .split(',')
    .map((secret) => secret.trim())
    .filter((secret) => secret !== '');
  if (webhookSecrets.length > 2)
    throw new ConfigError('WEBHOOK_SECRET', 'holds at most two secrets (new,old) during a rotation');
  if (webhookSecrets.some((secret) => secret.length < 16))
    throw new ConfigError('WEBHOOK_SECRET', 'must be at least 16 characters long (each, when two are given)');
  return {
    enabled: parseBoolean(env, 'WORKERS', true),
    pollMs: parseInteger(env, 'WORKER_POLL_MS', 1000, 10, 60_000),
    timerConcurrency: parseInteger(env, 'WORKER_TIMER_CONCURRENCY', 4, 1, 64),
    outboxConcurrency: parseInteger(env, 'WORKER_OUTBOX_CONCURRENCY', 8, 1, 256),
    outboxBackoffMs: parseInteger(env, 'OUTBOX_BACKOFF_MS', 2000, 0, 3_600_000),
    outboxMaxAttempts: parseInteger(env, 'OUTBOX_MAX_ATTEMPTS', 5, 1, 100),
    httpTimeoutMs: parseInteger(env, 'HTTP_ACTION_TIMEOUT_MS', 10_000, 100, 300_000),
    httpMaxResponseBytes: parseInteger(
      env,
      'HTTP_ACTION_MAX_RESPONSE_BYTES',
      1_048_576,
      1024,
      64 * 1_048_576,
    ),
    httpAllowedHosts: parseHostList(env, 'HTTP_ACTION_ALLOWED_HOSTS'),
    httpAllowPrivateHosts: parseHostList(env, 'HTTP_ACTION_ALLOW_PRIVATE_HOSTS'),
    webhookSecrets,
  };
}

const HOST_ENTRY = /^(\*|(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*|\[[0-9a-f:.]+\]|[0-9a-f:]*:[0-9a-f:.]+)$/;

function parseHostList(env: NodeJS.ProcessEnv, name: string): string[] {
  const raw = optional(env, name);
  if (raw === undefined) return [];
  const hosts = raw
    .split(',')
    .map((host) => host.trim().toLowerCase())
    .filter((host) => host !== '');
  const bad = hosts.find((host) => !HOST_ENTRY.test(host));
  if (bad !== undefined)
    throw new ConfigError(
      name,
      `"${bad}" is not a host name (give names such as api.example.com or *.example.com, comma-separated, no scheme or port)`,
    );
  return hosts;
}

function checkDatabaseUrl(value: string, name = 'DATABASE_URL'): void {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(name, `"${value}" is not a URL; expected postgres://user:password@host:5432/db`);
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError(name, `must start with postgres:// or postgresql://, got "${url.protocol}//"`);
  }
  if (url.hostname === '') throw new ConfigError(name, 'has no host name');
}

function parseLogLevel(env: NodeJS.ProcessEnv): LogLevel {
  const raw = optional(env, 'LOG_LEVEL') ?? 'info';
  if (raw === 'debug' || raw === 'info' || raw === 'warn' || raw === 'error') return raw;
  throw new ConfigError('LOG_LEVEL', `"${raw}" is not one of debug, info, warn, error`);
}
