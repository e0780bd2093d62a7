import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { singleApprovalDefinition } from '../fixtures/dual-approval.js';
import { startTestApp, type TestApp } from '../test-app.js';
import { ticketClient } from '../ticket-helpers.js';

const role = process.env.TEST_APP_ROLE;

/**
 * Issue 17: the application's database role (CI runs every database test as
 * it, with TEST_APP_ROLE) can append history but not rewrite it: UPDATE and
 * DELETE on transitions, approval votes and audit rows are refused by
 * PostgreSQL's privileges, before any trigger.
 */
describe.skipIf(!role)(
  'reliability: least privilege — the application role cannot rewrite history (needs TEST_APP_ROLE and DATABASE_URL: CI creates the role; the embedded database has no roles)',
  () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp();
      const client = ticketClient(t);
      await client.publish(singleApprovalDefinition('least-privilege'));
      const ticket = await client.createTicket('requester', {
        workflowKey: 'least-privilege',
        title: 'History',
        fields: { amount: 1 },
      });
      const task = await client.taskFor('finance1', ticket.id, 'approve');
      expect((await client.act('finance1', task.id, 'approve')).status).toBe(200);
    });
    afterAll(async () => t?.close());

    it('connects as the application role, not the owner', async () => {
      const [row] = (await t.db.dataSource.query(
        'SELECT current_user AS name, (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS super',
      )) as { name: string; super: boolean }[];
      expect(row).toEqual({ name: role, super: false });
    });

    for (const table of ['transitions', 'approval_votes', 'audit_log']) {
      it(`refuses UPDATE, DELETE and TRUNCATE on ${table}`, async () => {
        const [count] = (await t.db.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`)) as {
          n: number;
        }[];
        expect(count?.n).toBeGreaterThan(0);
        const column = table === 'audit_log' ? 'action' : table === 'transitions' ? 'event' : 'decision';
        await expect(t.db.dataSource.query(`UPDATE ${table} SET ${column} = ${column}`)).rejects.toThrow(
          /permission denied/,
        );
        await expect(t.db.dataSource.query(`DELETE FROM ${table}`)).rejects.toThrow(/permission denied/);
        await expect(t.db.dataSource.query(`TRUNCATE ${table}`)).rejects.toThrow(/permission denied/);
      });
    }
  },
);
