import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Multi-instance steps (issue 23): a task that runs once per item of a list
 * field keeps the item it works on (`{ index, of, value }`), so the inbox and
 * the ticket page show it and each item's outcome stays on its own task row.
 */
export class TaskItems1765400000000 implements MigrationInterface {
  name = 'TaskItems1765400000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE tasks ADD COLUMN item jsonb`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE tasks DROP COLUMN item`);
  }
}
