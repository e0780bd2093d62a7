import { describe, expect, it } from 'vitest';
import { signAuditRows } from './audit-chain.js';
import { AUDIT_GENESIS, LEGACY_CHAIN, auditMac, legacyAuditHash } from './audit-hash.js';
import { verifyAuditLog, verifyAuditTable, type AuditRow } from './verify-audit-log.js';

const KEY = 'k'.repeat(32);

/** `count` rows alternating between two ticket chains, as the engine would write them. */
function rows(count: number, key = KEY): AuditRow[] {
  const heads = new Map<string, string | null>();
  const out: AuditRow[] = [];
  for (let i = 1; i <= count; i += 1) {
    const chain = i % 2 === 0 ? 'ticket-a' : 'ticket-b';
    const [signed] = signAuditRows(
      key,
      chain,
      heads.get(chain) ?? null,
      [
        {
          actorId: null,
          action: 'task.approve',
          objectType: 'task',
          objectId: `t${i}`,
          details: { n: i, note: 'x' },
        },
      ],
      new Date(Date.UTC(2026, 0, 1, 0, 0, i)),
    );
    if (!signed) throw new Error('no row');
    heads.set(chain, signed.hash);
    out.push({
      id: String(i),
      chain,
      at: signed.at,
      actor_id: null,
      action: signed.action,
      object_type: signed.objectType,
      object_id: signed.objectId,
      details: signed.details,
      prev_hash: signed.prevHash,
      hash: signed.hash,
    });
  }
  return out;
}

describe('verifyAuditLog', () => {
  it('accepts intact per-ticket chains, whatever order jsonb gives the details keys', () => {
    const intact = rows(6).map((row) => ({ ...row, details: { note: 'x', n: Number(row.id) } }));
    expect(verifyAuditLog(intact, KEY)).toMatchObject({ ok: true, checked: 6, chains: 2 });
  });

  it('names an edited row', () => {
    const log = rows(4);
    log[2] = { ...(log[2] as AuditRow), object_id: 'forged' };
    expect(verifyAuditLog(log, KEY)).toEqual({
      ok: false,
      checked: 2,
      tamperedId: '3',
      reason: 'hash-mismatch',
    });
  });

  it('names the row after a deleted one of the same chain, and a row forged without the key', () => {
    const log = rows(6);
    expect(
      verifyAuditLog(
        log.filter((row) => row.id !== '2'),
        KEY,
      ),
    ).toMatchObject({ ok: false, tamperedId: '4', reason: 'prev-hash-mismatch' });
    const rehashed = rows(6, 'attacker-key'.padEnd(32, '!'));
    expect(verifyAuditLog(rehashed, KEY)).toMatchObject({
      ok: false,
      tamperedId: '1',
      reason: 'hash-mismatch',
    });
  });

  it('names a row whose time goes backwards within its ticket, even with a valid MAC', () => {
    const log = rows(4);
    const prev = (log[3] as AuditRow).hash;
    const at = new Date(Date.UTC(2025, 0, 1)).toISOString();
    const content = { at, actorId: null, action: 'x', objectType: 't', objectId: 'o', details: null };
    const backdated: AuditRow = {
      id: '5',
      chain: 'ticket-a',
      at,
      actor_id: null,
      action: 'x',
      object_type: 't',
      object_id: 'o',
      details: null,
      prev_hash: prev,
      hash: auditMac(KEY, 'ticket-a', prev, content),
    };
    expect(verifyAuditLog([...log, backdated], KEY)).toMatchObject({
      ok: false,
      tamperedId: '5',
      reason: 'time-went-backwards',
    });
  });

  it('checks legacy rows with the old unkeyed chain', () => {
    const at = new Date(Date.UTC(2025, 0, 1)).toISOString();
    const hash = legacyAuditHash(AUDIT_GENESIS, {
      at,
      actorId: null,
      action: 'workflow.publish',
      objectType: 'workflow',
      objectId: 'w',
      details: null,
    });
    const legacy: AuditRow = {
      id: '1',
      chain: LEGACY_CHAIN,
      at,
      actor_id: null,
      action: 'workflow.publish',
      object_type: 'workflow',
      object_id: 'w',
      details: null,
      prev_hash: AUDIT_GENESIS,
      hash,
    };
    expect(verifyAuditLog([legacy], KEY)).toMatchObject({ ok: true, checked: 1 });
  });

  it('checks page by page across page boundaries', async () => {
    const log = rows(7);
    const read = async (afterId: string, limit: number) =>
      log.filter((row) => Number(row.id) > Number(afterId)).slice(0, limit);
    expect(await verifyAuditTable(read, KEY, 3)).toMatchObject({ ok: true, checked: 7 });
    log[4] = { ...(log[4] as AuditRow), action: 'edited' };
    expect(await verifyAuditTable(read, KEY, 3)).toMatchObject({ ok: false, tamperedId: '5', checked: 4 });
  });
});
