import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppConfig } from '../config/app-config.js';

export const JWT_SECRET = Symbol('JWT_SECRET');

/**
 * The configured secret, or in demo mode one generated once and kept in the
 * data folder so tokens survive a restart. Side effect: may write a file.
 */
export function resolveJwtSecret(config: Pick<AppConfig, 'jwtSecret' | 'demoMode' | 'dataDir'>): string {
  if (config.jwtSecret) return config.jwtSecret;
  if (!config.demoMode) throw new Error('JWT_SECRET is required outside demo mode');
  const file = join(config.dataDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(config.dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
