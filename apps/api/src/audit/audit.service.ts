import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AUDIT_GENESIS, auditHash } from './audit-hash.js';

export { auditHash } from './audit-hash.js';

export interface AuditInput {
  actorId: string | null;
  action: string;
  objectType: string;
  objectId: string;
  details?: unknown;
}

// Serialises appends so each row's prev_hash is the row before it.
const AUDIT_LOCK = 7_355_608;

/** Appends hash-chained rows to the audit log inside the caller's transaction. */
@Injectable()
export class AuditService {
  async append(manager: EntityManager, entry: AuditInput): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_LOCK]);
    const [last] = (await manager.query('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1')) as { hash: string }[];
    const prevHash = last?.hash ?? AUDIT_GENESIS;
    const at = new Date().toISOString();
    const hash = auditHash(prevHash, { ...entry, at });
    await manager.query(
      `INSERT INTO audit_log (at, actor_id, action, object_type, object_id, details, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [at, entry.actorId, entry.action, entry.objectType, entry.objectId, entry.details === undefined ? null : JSON.stringify(entry.details), prevHash, hash],
    );
  }
}
