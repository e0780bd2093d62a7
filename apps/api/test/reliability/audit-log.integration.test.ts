import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_KEY } from '../../src/audit/audit-key.js';
import { AUDIT_PAGE_SQL, verifyAuditTable, type AuditRow } from '../../src/audit/verify-audit-log.js';
import { asOwner, startTestApp, type TestApp } from '../test-app.js';
import { ticketClient } from '../ticket-helpers.js';
import { singleApprovalDefinition } from '../fixtures/dual-approval.js';
import { apiRoot, requireBuiltApi } from './api-process.js';

/** The audit log is append-only in the database, and its hash chain shows what got past that. */
describe('reliability: audit log — append-only and verifiable', () => {
  let t: TestApp;
  const verify = () =>
    verifyAuditTable(
      (afterId, limit) => t.db.dataSource.query(AUDIT_PAGE_SQL, [afterId, limit]) as Promise<AuditRow[]>,
      t.app.get<string>(AUDIT_KEY),
    );
  /** As the owner (the superuser the tests connect as): switch the trigger off for one statement, as an intruder with owner rights could. */
  const tamper = async (sql: string, params: unknown[] = []) => {
    await asOwner(t, 'ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete');
    try {
      await asOwner(t, sql, params);
    } finally {
      await asOwner(t, 'ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update_delete');
    }
  };
  const runCommand = () =>
    spawnSync(process.execPath, [join(apiRoot, 'dist/audit/verify-audit-command.js')], {
      env: {
        ...process.env,
        DATABASE_URL: t.config.databaseUrl,
        DATA_DIR: t.config.dataDir,
        LOG_LEVEL: 'error',
      },
      encoding: 'utf8',
      timeout: 60_000,
    });

  beforeAll(async () => {
    t = await startTestApp();
    const client = ticketClient(t);
    // Publishing records { version, checksum, note }, which jsonb stores in another key order.
    await client.publish(singleApprovalDefinition('audit-flow'));
    await t.http
      .post('/api/delegations')
      .set(await client.auth('finance1'))
      .send({ toUser: 'finance2', endsAt: '2099-01-01T00:00:00Z' })
      .expect(201);
    const ticket = await client.createTicket('requester', {
      workflowKey: 'audit-flow',
      title: 'Audit',
      fields: { amount: 1 },
    });
    const task = await client.taskFor('finance1', ticket.id, 'approve');
    expect((await client.act('finance1', task.id, 'approve', { comment: 'fine' })).status).toBe(200);
  });
  afterAll(async () => t?.close());

  it('verifies the chain the application wrote', async () => {
    const result = await verify();
    expect(result).toMatchObject({ ok: true });
    expect(result.checked).toBeGreaterThanOrEqual(3);
  });

  it('refuses UPDATE, DELETE and TRUNCATE of audit rows', async () => {
    // As the application's role (CI's TEST_APP_ROLE) the privilege is missing before the trigger is reached.
    await expect(t.db.dataSource.query(`UPDATE audit_log SET action = 'x'`)).rejects.toThrow(
      /append-only: UPDATE|permission denied/,
    );
    await expect(t.db.dataSource.query('DELETE FROM audit_log')).rejects.toThrow(
      /append-only: DELETE|permission denied/,
    );
    await expect(t.db.dataSource.query('TRUNCATE audit_log')).rejects.toThrow(
      /append-only: TRUNCATE|permission denied/,
    );
    expect(await verify()).toMatchObject({ ok: true });
  });

  it('names the first edited row, and a forged row appended after the chain', async () => {
    const [second] = (await t.db.dataSource.query(
      'SELECT id::text AS id, details FROM audit_log ORDER BY id OFFSET 1 LIMIT 1',
    )) as { id: string; details: unknown }[];
    await tamper(`UPDATE audit_log SET details = '{"version": 99}' WHERE id = $1`, [second?.id]);
    expect(await verify()).toMatchObject({ ok: false, tamperedId: second?.id, reason: 'hash-mismatch' });
    await tamper('UPDATE audit_log SET details = $2 WHERE id = $1', [
      second?.id,
      JSON.stringify(second?.details),
    ]);
    expect(await verify()).toMatchObject({ ok: true });

    const [last] = (await t.db.dataSource.query(
      `SELECT hash FROM audit_log WHERE chain = 'system' ORDER BY id DESC LIMIT 1`,
    )) as { hash: string }[];
    const [forged] = (await t.db.dataSource.query(
      `INSERT INTO audit_log (chain, at, actor_id, action, object_type, object_id, details, prev_hash, hash)
       VALUES ('system', now(), NULL, 'task.approve', 'task', 'forged', NULL, $1, $2) RETURNING id::text AS id`,
      [last?.hash, 'a'.repeat(64)],
    )) as { id: string }[];
    expect(await verify()).toMatchObject({ ok: false, tamperedId: forged?.id, reason: 'hash-mismatch' });
    await tamper('DELETE FROM audit_log WHERE id = $1', [forged?.id]);
  });

  it.skipIf(!process.env.DATABASE_URL)(
    'the verify command prints OK, then the tampered row with exit code 1',
    async () => {
      requireBuiltApi();
      const intact = runCommand();
      expect(intact.stdout, intact.stderr).toMatch(/^audit log OK: \d+ rows in \d+ chains/);
      expect(intact.status).toBe(0);
      const [first] = (await t.db.dataSource.query(
        'SELECT id::text AS id FROM audit_log ORDER BY id LIMIT 1',
      )) as { id: string }[];
      await tamper(`UPDATE audit_log SET actor_id = NULL, action = 'rewritten' WHERE id = $1`, [first?.id]);
      const broken = runCommand();
      expect(broken.stdout).toContain(`audit log TAMPERED: row ${first?.id} (hash-mismatch)`);
      expect(broken.status).toBe(1);
      const count = (
        (await t.db.dataSource.query('SELECT count(*)::int AS n FROM audit_log')) as { n: number }[]
      )[0]?.n;
      console.log(
        `reliability: audit — ${count} hash-chained rows verified; UPDATE/DELETE/TRUNCATE refused; edited, forged and rewritten rows reported by id (command exit 1)`,
      );
    },
  );
});
