import { createHash } from 'node:crypto';

/** The `prev_hash` of the first row of the chain. */
export const AUDIT_GENESIS = '0'.repeat(64);

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
 * The hash of one audit row: binds its content to the previous row's hash.
 * `details` is hashed in a canonical form (JSON with keys sorted at every
 * level) because it is stored as `jsonb`, which keeps its own key order: a row
 * read back must hash to what was written, or the chain could not be checked.
 * Pure.
 */
export function auditHash(prevHash: string, entry: AuditHashInput): string {
  return createHash('sha256')
    .update(JSON.stringify([prevHash, entry.at, entry.actorId, entry.action, entry.objectType, entry.objectId, canonicalJson(entry.details ?? null)]))
    .digest('hex');
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
  for (const key of Object.keys(value).sort()) sorted[key] = sortKeys((value as Record<string, unknown>)[key]);
  return sorted;
}
