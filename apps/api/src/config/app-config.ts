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
  tokenTtlSeconds: number;
  /** Folder with the built web app; served at `/` when it exists. */
  webDist: string;
  /** Folder with example workflow definitions, seeded in demo mode. */
  workflowsDir: string;
  logLevel: LogLevel;
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
  return {
    port: parseInteger(env, 'PORT', 3000, 0, 65535),
    host: optional(env, 'HOST') ?? '0.0.0.0',
    databaseUrl,
    dataDir: resolve(optional(env, 'DATA_DIR') ?? resolve(repoRoot, '.data')),
    demoMode,
    jwtSecret,
    tokenTtlSeconds: parseInteger(env, 'TOKEN_TTL_SECONDS', 8 * 3600, 60, 30 * 24 * 3600),
    webDist: resolve(optional(env, 'WEB_DIST') ?? resolve(repoRoot, 'apps/web/dist')),
    workflowsDir: resolve(optional(env, 'WORKFLOWS_DIR') ?? resolve(repoRoot, 'workflows')),
    logLevel: parseLogLevel(env),
  };
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
