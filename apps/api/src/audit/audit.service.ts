import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface AuditInput {
  actorId: string | null;
  action: string;
  objectType: string;
  objectId: string;
  details?: unknown;
}

const GENESIS = '0'.repeat(64);
// Serialises appends so each row's prev_hash is the row before it.
const AUDIT_LOCK = 7_355_608;

/** The hash of one audit row: binds its content to the previous row's hash. Pure. */
export function auditHash(prevHash: string, entry: AuditInput & { at: string }): string {
  return createHash('sha256')
    .update(JSON.stringify([prevHash, entry.at, entry.actorId, entry.action, entry.objectType, entry.objectId, entry.details ?? null]))
    .digest('hex');
}

/** Appends hash-chained rows to the audit log inside the caller's transaction. */
@Injectable()
export class AuditService {
  async append(manager: EntityManager, entry: AuditInput): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_LOCK]);
    const [last] = (await manager.query('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1')) as { hash: string }[];
    const prevHash = last?.hash ?? GENESIS;
    const at = new Date().toISOString();
    const hash = auditHash(prevHash, { ...entry, at });
    await manager.query(
      `INSERT INTO audit_log (at, actor_id, action, object_type, object_id, details, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [at, entry.actorId, entry.action, entry.objectType, entry.objectId, entry.details === undefined ? null : JSON.stringify(entry.details), prevHash, hash],
    );
  }
}
