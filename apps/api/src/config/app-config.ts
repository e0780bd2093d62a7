import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Settings read once at start-up from the environment. */
export interface AppConfig {
  port: number;
  host: string;
  /** Absent: the embedded PGlite database in `dataDir`. */
  databaseUrl?: string;
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
  /** E-mail for notifications; absent `smtpUrl`: in-app notifications only. */
  mail: MailConfig;
}

/** Where notification e-mails go out (`SMTP_URL`, `MAIL_FROM`). */
export interface MailConfig {
  /** `smtp://user:pass@host:587` or `smtps://…:465`; absent: no e-mail. */
  smtpUrl?: string;
  from: string;
}

/** Timer scheduler, outbox dispatcher, HTTP actions and signed webhooks. */
export interface WorkerConfig {
  enabled: boolean;
  /** How often a worker looks for due work when nothing woke it. */
  pollMs: number;
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
  /** HMAC-SHA256 secret for `X-Ticketflow-Signature` on inbound events; absent: signed calls are refused. */
  webhookSecret?: string;
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** Thrown when an environment variable is missing or malformed; main prints one line and exits. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`${variable}: ${problem}`);
    this.name = 'ConfigError';
  }
}

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');

/**
 * Reads and validates the configuration from `env`. Pure apart from reading the
 * argument; throws ConfigError naming the first bad variable.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const databaseUrl = optional(env, 'DATABASE_URL');
  if (databaseUrl !== undefined) checkDatabaseUrl(databaseUrl);
  const demoMode = parseBoolean(env, 'DEMO_MODE', databaseUrl === undefined);
  const jwtSecret = optional(env, 'JWT_SECRET');
  if (jwtSecret !== undefined && jwtSecret.length < 32) {
    throw new ConfigError('JWT_SECRET', 'must be at least 32 characters long');
  }
  if (!demoMode && jwtSecret === undefined) {
    throw new ConfigError('JWT_SECRET', 'is required when DEMO_MODE is off (at least 32 random characters)');
  }
  const auditKey = optional(env, 'AUDIT_KEY');
  if (auditKey !== undefined && auditKey.length < 32) throw new ConfigError('AUDIT_KEY', 'must be at least 32 characters long');
  return {
    port: parseInteger(env, 'PORT', 3000, 0, 65535),
    host: optional(env, 'HOST') ?? '0.0.0.0',
    databaseUrl,
    dataDir: resolve(optional(env, 'DATA_DIR') ?? resolve(repoRoot, '.data')),
    demoMode,
    jwtSecret,
    auditKey,
    tokenTtlSeconds: parseInteger(env, 'TOKEN_TTL_SECONDS', 8 * 3600, 60, 30 * 24 * 3600),
    webDist: resolve(optional(env, 'WEB_DIST') ?? resolve(repoRoot, 'apps/web/dist')),
    workflowsDir: resolve(optional(env, 'WORKFLOWS_DIR') ?? resolve(repoRoot, 'workflows')),
    logLevel: parseLogLevel(env),
    workers: loadWorkerConfig(env),
    mail: loadMailConfig(env),
  };
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
      throw new ConfigError('SMTP_URL', 'must look like smtp://user:password@mail.example.com:587 or smtps://…:465');
    }
  }
  const from = optional(env, 'MAIL_FROM') ?? 'Ticketflow <no-reply@ticketflow.local>';
  if (!/^[^<>]*<?[^\s@<>]+@[^\s@<>]+>?$/.test(from)) throw new ConfigError('MAIL_FROM', `"${from}" is not an address such as "Ticketflow <no-reply@example.com>"`);
  return { ...(smtpUrl ? { smtpUrl } : {}), from };
}

function loadWorkerConfig(env: NodeJS.ProcessEnv): WorkerConfig {
  const webhookSecret = optional(env, 'WEBHOOK_SECRET');
  if (webhookSecret !== undefined && webhookSecret.length < 16) throw new ConfigError('WEBHOOK_SECRET', 'must be at least 16 characters long');
  return {
    enabled: parseBoolean(env, 'WORKERS', true),
    pollMs: parseInteger(env, 'WORKER_POLL_MS', 1000, 10, 60_000),
    outboxBackoffMs: parseInteger(env, 'OUTBOX_BACKOFF_MS', 2000, 0, 3_600_000),
    outboxMaxAttempts: parseInteger(env, 'OUTBOX_MAX_ATTEMPTS', 5, 1, 100),
    httpTimeoutMs: parseInteger(env, 'HTTP_ACTION_TIMEOUT_MS', 10_000, 100, 300_000),
    httpMaxResponseBytes: parseInteger(env, 'HTTP_ACTION_MAX_RESPONSE_BYTES', 1_048_576, 1024, 64 * 1_048_576),
    httpAllowedHosts: parseHostList(env, 'HTTP_ACTION_ALLOWED_HOSTS'),
    httpAllowPrivateHosts: parseHostList(env, 'HTTP_ACTION_ALLOW_PRIVATE_HOSTS'),
    webhookSecret,
  };
}

const HOST_ENTRY = /^(\*|(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*|\[[0-9a-f:.]+\]|[0-9a-f:]*:[0-9a-f:.]+)$/;

function parseHostList(env: NodeJS.ProcessEnv, name: string): string[] {
  const raw = optional(env, name);
  if (raw === undefined) return [];
  const hosts = raw.split(',').map((host) => host.trim().toLowerCase()).filter((host) => host !== '');
  const bad = hosts.find((host) => !HOST_ENTRY.test(host));
  if (bad !== undefined) throw new ConfigError(name, `"${bad}" is not a host name (give names such as api.example.com or *.example.com, comma-separated, no scheme or port)`);
  return hosts;
}

function optional(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

function checkDatabaseUrl(value: string): void {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError('DATABASE_URL', `"${value}" is not a URL; expected postgres://user:password@host:5432/db`);
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError('DATABASE_URL', `must start with postgres:// or postgresql://, got "${url.protocol}//"`);
  }
  if (url.hostname === '') throw new ConfigError('DATABASE_URL', 'has no host name');
}

function parseInteger(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = optional(env, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `"${raw}" is not a whole number`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(name, `${value} is outside ${min}..${max}`);
  return value;
}

function parseBoolean(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = optional(env, name)?.toLowerCase();
  if (raw === undefined) return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(name, `"${raw}" is not a boolean (use true or false)`);
}

function parseLogLevel(env: NodeJS.ProcessEnv): LogLevel {
  const raw = optional(env, 'LOG_LEVEL') ?? 'info';
  if (raw === 'debug' || raw === 'info' || raw === 'warn' || raw === 'error') return raw;
  throw new ConfigError('LOG_LEVEL', `"${raw}" is not one of debug, info, warn, error`);
}
