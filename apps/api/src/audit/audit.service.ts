import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { SqlBatch } from '../common/sql/sql-batch.js';
import { auditInsertSql, signAuditRows, type AuditEntry } from './audit-chain.js';
import { SYSTEM_CHAIN } from './audit-hash.js';
import { AUDIT_KEY } from './audit-key.js';

export type { AuditEntry as AuditInput } from './audit-chain.js';

/**
 * Appends audit rows outside an engine step: sign-ins, users, workflows,
 * settings go to the `system` chain (serialised by a transaction-scoped
 * advisory lock on that chain); rows about a ticket go to the ticket's own
 * chain and must be appended by code that holds the ticket's instance lock.
 * The engine writes a step's audit rows itself, in the step's statement.
 */
@Injectable()
export class AuditService {
  constructor(@Inject(AUDIT_KEY) private readonly key: string) {}

  /** Appends one row in the caller's transaction. Side effects: a lock (system chain), a read and an insert. */
  async append(manager: EntityManager, entry: AuditEntry, ticketId?: string): Promise<void> {
    const chain = ticketId ?? SYSTEM_CHAIN;
    if (!ticketId) await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`audit:${chain}`]);
    const [last] = (await manager.query(
      'SELECT hash, at FROM audit_log WHERE chain = $1 ORDER BY id DESC LIMIT 1',
      [chain],
    )) as { hash: string; at: Date }[];
    const batch = new SqlBatch();
    const name = batch.add(
      auditInsertSql(
        signAuditRows(this.key, chain, last?.hash ?? null, [entry], last ? new Date(last.at) : undefined),
        batch.param,
      ),
    );
    batch.expectRows(name, 1);
    const { sql, values } = batch.render();
    await manager.query(sql, values);
  }

  /** The key's signer for the engine's own rows. */
  sign(chain: string, head: { hash: string; at: Date } | null, entries: AuditEntry[]) {
    return signAuditRows(this.key, chain, head?.hash ?? null, entries, head?.at);
  }
}
