import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Partial indexes for housekeeping's retention deletes and the metrics'
 * scrape-time counts, so neither scans a table's whole history.
 */
export class HousekeepingIndexes1765000100000 implements MigrationInterface {
  name = 'HousekeepingIndexes1765000100000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at);
      CREATE INDEX timers_finished_idx ON timers (created_at) WHERE status IN ('fired', 'cancelled');
      CREATE INDEX timers_failed_idx ON timers (due_at) WHERE status = 'failed';
      CREATE INDEX outbox_finished_idx ON outbox (done_at) WHERE status IN ('done', 'cancelled');
      CREATE INDEX outbox_failed_idx ON outbox (done_at) WHERE status = 'failed';
      CREATE INDEX incidents_outbox_idx ON incidents (outbox_id) WHERE outbox_id IS NOT NULL;
      CREATE INDEX notifications_read_idx ON notifications (read_at) WHERE read_at IS NOT NULL;
      CREATE INDEX sla_clocks_breached_idx ON sla_clocks (ticket_id) WHERE status = 'breached' AND stopped_at IS NULL;
    `);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`
      DROP INDEX idempotency_keys_created_idx, timers_finished_idx, timers_failed_idx, outbox_finished_idx,
        outbox_failed_idx, incidents_outbox_idx, notifications_read_idx, sla_clocks_breached_idx;
    `);
  }
}
