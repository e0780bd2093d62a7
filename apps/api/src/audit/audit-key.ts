import { hkdfSync } from 'node:crypto';

export const AUDIT_KEY = Symbol('AUDIT_KEY');

/**
 * The key that signs audit rows: `AUDIT_KEY` when configured, otherwise one
 * derived from the token secret (HKDF), so it always comes from configuration
 * and never sits in the database. Pure.
 */
export function resolveAuditKey(configured: string | undefined, jwtSecret: string): string {
  if (configured) return configured;
  return Buffer.from(hkdfSync('sha256', jwtSecret, 'ticketflow', 'audit-log-mac', 32)).toString('hex');
}
