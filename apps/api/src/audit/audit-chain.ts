import type { Param } from '../common/sql/sql-batch.js';
import { AUDIT_GENESIS, auditMac } from './audit-hash.js';

/** An audit row to write: who did what to which object, and in which chain. */
export interface AuditEntry {
  actorId: string | null;
  action: string;
  objectType: string;
  objectId: string;
  details?: unknown;
}

export interface SignedAuditRow extends AuditEntry {
  chain: string;
  at: string;
  prevHash: string;
  hash: string;
}

/**
 * Signs entries as the next rows of `chain` after `head` (null: the chain is
 * new), each linked to the one before, with times that never go backwards
 * (`notBefore`, the last row's time, when known). Pure apart from the clock.
 */
export function signAuditRows(
  key: string,
  chain: string,
  head: string | null,
  entries: AuditEntry[],
  notBefore?: Date,
): SignedAuditRow[] {
  let prevHash = head ?? AUDIT_GENESIS;
  let time = Date.now();
  if (notBefore && notBefore.getTime() > time) time = notBefore.getTime();
  return entries.map((entry) => {
    const at = new Date(time).toISOString();
    const hash = auditMac(key, chain, prevHash, { ...entry, at });
    const row = { ...entry, chain, at, prevHash, hash };
    prevHash = hash;
    return row;
  });
}

/** The INSERT of signed rows, as one part of a statement. Pure apart from adding parameters. */
export function auditInsertSql(rows: SignedAuditRow[], p: Param): string {
  const tuples = rows.map(
    (row) =>
      `(${[
        row.chain,
        row.at,
        row.actorId,
        row.action,
        row.objectType,
        row.objectId,
        row.details === undefined || row.details === null ? null : JSON.stringify(row.details),
        row.prevHash,
        row.hash,
      ]
        .map((value) => p(value))
        .join(', ')})`,
  );
  return `INSERT INTO audit_log (chain, at, actor_id, action, object_type, object_id, details, prev_hash, hash) VALUES ${tuples.join(', ')} RETURNING id`;
}
