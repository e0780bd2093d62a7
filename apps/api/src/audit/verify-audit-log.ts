import { AUDIT_GENESIS, auditHash } from './audit-hash.js';

/** One `audit_log` row as read from the database. */
export interface AuditRow {
  id: string | number;
  at: Date | string;
  actor_id: string | null;
  action: string;
  object_type: string;
  object_id: string;
  details: unknown;
  prev_hash: string;
  hash: string;
}

export type AuditVerification =
  | { ok: true; checked: number; lastHash: string }
  | { ok: false; checked: number; tamperedId: string; reason: 'prev-hash-mismatch' | 'hash-mismatch' };

/**
 * Checks a run of audit rows, ordered by id, against the hash chain: each row's
 * `prev_hash` must be the previous row's `hash` (`previousHash` for the first
 * row of this run; the genesis hash for the first row of the log) and its
 * `hash` must be the hash of its own content. Returns the first row that
 * breaks the chain: an edited row breaks its own hash, a deleted or inserted
 * row breaks the next row's link. Deleting rows at the end leaves no trace
 * here — compare the last hash with one kept elsewhere for that. Pure.
 */
export function verifyAuditLog(rows: readonly AuditRow[], previousHash: string = AUDIT_GENESIS): AuditVerification {
  let expectedPrev = previousHash;
  let checked = 0;
  for (const row of rows) {
    const id = String(row.id);
    if (row.prev_hash !== expectedPrev) return { ok: false, checked, tamperedId: id, reason: 'prev-hash-mismatch' };
    const at = row.at instanceof Date ? row.at.toISOString() : new Date(row.at).toISOString();
    const recomputed = auditHash(row.prev_hash, {
      at,
      actorId: row.actor_id,
      action: row.action,
      objectType: row.object_type,
      objectId: row.object_id,
      details: row.details,
    });
    if (recomputed !== row.hash) return { ok: false, checked, tamperedId: id, reason: 'hash-mismatch' };
    expectedPrev = row.hash;
    checked += 1;
  }
  return { ok: true, checked, lastHash: expectedPrev };
}

/** Reads pages of rows after an id; the database side of {@link verifyAuditTable}. */
export type AuditPageReader = (afterId: string, limit: number) => Promise<AuditRow[]>;

/**
 * Verifies the whole log page by page (constant memory). Side effects: only
 * the reads `readPage` performs.
 */
export async function verifyAuditTable(readPage: AuditPageReader, pageSize = 1000): Promise<AuditVerification> {
  let previousHash = AUDIT_GENESIS;
  let afterId = '0';
  let checked = 0;
  for (;;) {
    const rows = await readPage(afterId, pageSize);
    if (rows.length === 0) return { ok: true, checked, lastHash: previousHash };
    const result = verifyAuditLog(rows, previousHash);
    if (!result.ok) return { ...result, checked: checked + result.checked };
    checked += result.checked;
    previousHash = result.lastHash;
    afterId = String(rows[rows.length - 1]?.id);
  }
}

/** SQL for one page of {@link verifyAuditTable}: $1 the last id seen, $2 the page size. */
export const AUDIT_PAGE_SQL = `SELECT id::text AS id, at, actor_id, action, object_type, object_id, details, prev_hash, hash
  FROM audit_log WHERE audit_log.id > $1::bigint ORDER BY audit_log.id LIMIT $2`;
