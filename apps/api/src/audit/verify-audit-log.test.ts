import { describe, expect, it } from 'vitest';
import { AUDIT_GENESIS, auditHash } from './audit-hash.js';
import { verifyAuditLog, verifyAuditTable, type AuditRow } from './verify-audit-log.js';

function chain(count: number): AuditRow[] {
  const rows: AuditRow[] = [];
  let prev = AUDIT_GENESIS;
  for (let i = 1; i <= count; i += 1) {
    const row = { id: String(i), at: new Date(Date.UTC(2026, 0, 1, 0, 0, i)), actor_id: null, action: 'workflow.publish', object_type: 'workflow', object_id: `w${i}`, details: { version: i, checksum: 'c', note: 'n' } };
    const hash = auditHash(prev, { at: row.at.toISOString(), actorId: null, action: row.action, objectType: row.object_type, objectId: row.object_id, details: row.details });
    rows.push({ ...row, prev_hash: prev, hash });
    prev = hash;
  }
  return rows;
}

describe('verifyAuditLog', () => {
  it('accepts an intact chain, whatever order jsonb gives the details keys', () => {
    const rows = chain(3).map((row) => ({ ...row, details: { note: 'n', checksum: 'c', version: Number(row.id) } }));
    expect(verifyAuditLog(rows)).toMatchObject({ ok: true, checked: 3 });
  });

  it('names an edited row', () => {
    const rows = chain(4);
    rows[2] = { ...(rows[2] as AuditRow), object_id: 'forged' };
    expect(verifyAuditLog(rows)).toEqual({ ok: false, checked: 2, tamperedId: '3', reason: 'hash-mismatch' });
  });

  it('names the row after a deleted one, and a forged row whose hash is made up', () => {
    const rows = chain(4);
    expect(verifyAuditLog([rows[0], rows[2], rows[3]] as AuditRow[])).toMatchObject({ ok: false, tamperedId: '3', reason: 'prev-hash-mismatch' });
    const forged = { ...(rows[3] as AuditRow), id: '5', prev_hash: (rows[3] as AuditRow).hash, hash: 'f'.repeat(64) };
    expect(verifyAuditLog([...rows, forged])).toMatchObject({ ok: false, tamperedId: '5', reason: 'hash-mismatch' });
  });

  it('checks page by page across page boundaries', async () => {
    const rows = chain(7);
    const read = async (afterId: string, limit: number) => rows.filter((row) => Number(row.id) > Number(afterId)).slice(0, limit);
    expect(await verifyAuditTable(read, 3)).toMatchObject({ ok: true, checked: 7 });
    rows[4] = { ...(rows[4] as AuditRow), action: 'edited' };
    expect(await verifyAuditTable(read, 3)).toMatchObject({ ok: false, tamperedId: '5', checked: 4 });
  });
});
