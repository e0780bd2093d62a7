import { createHash, createHmac } from 'node:crypto';

/** The `prev_hash` of the first row of every chain. */
export const AUDIT_GENESIS = '0'.repeat(64);

/** Rows written before chains were per ticket and keyed: one global SHA-256 chain. */
export const LEGACY_CHAIN = 'legacy';

/** The chain of audit rows that belong to no ticket (sign-ins, users, settings, workflows). */
export const SYSTEM_CHAIN = 'system';

/** What one audit row records, as hashed. */
export interface AuditHashInput {
  at: string;
  actorId: string | null;
  action: string;
  objectType: string;
  objectId: string;
  details?: unknown;
}

/**
 * The MAC of one audit row: HMAC-SHA256 under the audit key (from
 * configuration, never stored in the database) over the chain, the previous
 * row's hash and the row's content — so someone with database access alone
 * can neither edit a row nor re-hash the rest of its chain. `details` is
 * hashed in canonical form (keys sorted at every level) because `jsonb` keeps
 * its own key order. Pure.
 */
export function auditMac(key: string, chain: string, prevHash: string, entry: AuditHashInput): string {
  return createHmac('sha256', key)
    .update(JSON.stringify([chain, ...hashedFields(prevHash, entry)]))
    .digest('hex');
}

/** The unkeyed SHA-256 of a row of the legacy global chain. Pure. */
export function legacyAuditHash(prevHash: string, entry: AuditHashInput): string {
  return createHash('sha256')
    .update(JSON.stringify(hashedFields(prevHash, entry)))
    .digest('hex');
}

function hashedFields(prevHash: string, entry: AuditHashInput): unknown[] {
  return [
    prevHash,
    entry.at,
    entry.actorId,
    entry.action,
    entry.objectType,
    entry.objectId,
    canonicalJson(entry.details ?? null),
  ];
}

/** `value` as JSON with object keys sorted, after JSON's own conversions (dates, dropped undefined). Pure. */
export function canonicalJson(value: unknown): string {
  const plain = JSON.parse(JSON.stringify(value ?? null)) as unknown;
  return JSON.stringify(sortKeys(plain));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort())
    sorted[key] = sortKeys((value as Record<string, unknown>)[key]);
  return sorted;
}
