import { AUDIT_GENESIS, LEGACY_CHAIN, auditMac, legacyAuditHash } from './audit-hash.js';

/** One `audit_log` row as read from the database. */
export interface AuditRow {
  id: string | number;
  chain: string;
  at: Date | string;
  actor_id: string | null;
  action: string;
  object_type: string;
  object_id: string;
  details: unknown;
  prev_hash: string;
  hash: string;
}

export type TamperReason = 'prev-hash-mismatch' | 'hash-mismatch' | 'time-went-backwards';

export type AuditVerification =
  | { ok: true; checked: number; chains: number }
  | { ok: false; checked: number; tamperedId: string; reason: TamperReason };

/** Where each chain stands while rows are checked in id order. */
export type ChainHeads = Map<string, { hash: string; at: number }>;

/**
 * Checks rows, in id order, against their chains: each row's `prev_hash` must
 * be the previous row of the same chain's `hash` (the genesis hash for a
 * chain's first row), its `hash` the MAC of its content under `key` (legacy
 * rows: the old unkeyed SHA-256), and its time no earlier than the previous
 * row of its chain. An edited or forged row breaks its own hash (forging
 * needs the key); a deleted, inserted or reordered row breaks the next link
 * or the time order. Deleting a chain's last rows leaves no trace here —
 * compare its last hash with one kept elsewhere. Pure (mutates `heads`).
 */
export function verifyAuditLog(
  rows: readonly AuditRow[],
  key: string,
  heads: ChainHeads = new Map(),
): AuditVerification {
  let checked = 0;
  for (const row of rows) {
    const id = String(row.id);
    const head = heads.get(row.chain);
    if (row.prev_hash !== (head?.hash ?? AUDIT_GENESIS))
      return { ok: false, checked, tamperedId: id, reason: 'prev-hash-mismatch' };
    const at = row.at instanceof Date ? row.at : new Date(row.at);
    const content = {
      at: at.toISOString(),
      actorId: row.actor_id,
      action: row.action,
      objectType: row.object_type,
      objectId: row.object_id,
      details: row.details,
    };
    const expected =
      row.chain === LEGACY_CHAIN
        ? legacyAuditHash(row.prev_hash, content)
        : auditMac(key, row.chain, row.prev_hash, content);
    if (expected !== row.hash) return { ok: false, checked, tamperedId: id, reason: 'hash-mismatch' };
    if (head && at.getTime() < head.at)
      return { ok: false, checked, tamperedId: id, reason: 'time-went-backwards' };
    heads.set(row.chain, { hash: row.hash, at: at.getTime() });
    checked += 1;
  }
  return { ok: true, checked, chains: heads.size };
}

/** Reads pages of rows after an id; the database side of {@link verifyAuditTable}. */
export type AuditPageReader = (afterId: string, limit: number) => Promise<AuditRow[]>;

/**
 * Verifies the whole log page by page. Memory: one head per chain (a hash and
 * a time per ticket). Side effects: only the reads `readPage` performs.
 */
export async function verifyAuditTable(
  readPage: AuditPageReader,
  key: string,
  pageSize = 1000,
): Promise<AuditVerification> {
  const heads: ChainHeads = new Map();
  let afterId = '0';
  let checked = 0;
  for (;;) {
    const rows = await readPage(afterId, pageSize);
    if (rows.length === 0) return { ok: true, checked, chains: heads.size };
    const result = verifyAuditLog(rows, key, heads);
    if (!result.ok) return { ...result, checked: checked + result.checked };
    checked += result.checked;
    afterId = String(rows[rows.length - 1]?.id);
  }
}

/** SQL for one page of {@link verifyAuditTable}: $1 the last id seen, $2 the page size. */
export const AUDIT_PAGE_SQL = `SELECT id::text AS id, chain, at, actor_id, action, object_type, object_id, details, prev_hash, hash
  FROM audit_log WHERE audit_log.id > $1::bigint ORDER BY audit_log.id LIMIT $2`;
