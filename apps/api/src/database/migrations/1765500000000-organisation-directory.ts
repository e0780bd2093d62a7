import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The organisation directory (issue 23): each user gets a line manager,
 * groups and regions (several, replacing the single `region`), next to the
 * skills they already had. Round-robin assignment keeps its rotation per
 * workflow and node in `assignment_rotations` (before, the rotation was read
 * from tasks by node id alone, so two workflows with a node `work` shared it).
 */
export class OrganisationDirectory1765500000000 implements MigrationInterface {
  name = 'OrganisationDirectory1765500000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE users ADD COLUMN manager_id uuid REFERENCES users(id) ON DELETE SET NULL;
      ALTER TABLE users ADD CONSTRAINT users_manager_not_self CHECK (manager_id IS NULL OR manager_id <> id);
      ALTER TABLE users ADD COLUMN groups text[] NOT NULL DEFAULT '{}';
      ALTER TABLE users ADD COLUMN regions text[] NOT NULL DEFAULT '{}';
      UPDATE users SET regions = ARRAY[region] WHERE region IS NOT NULL;
      ALTER TABLE users DROP COLUMN region;
      CREATE INDEX users_manager_idx ON users (manager_id);
      CREATE INDEX users_groups_idx ON users USING gin (groups);
      CREATE INDEX users_regions_idx ON users USING gin (regions);
      CREATE TABLE assignment_rotations (
        workflow_key text NOT NULL,
        node_id text NOT NULL,
        last_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        turns bigint NOT NULL DEFAULT 0,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (workflow_key, node_id)
      );
    `);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`
      DROP TABLE assignment_rotations;
      ALTER TABLE users ADD COLUMN region text;
      UPDATE users SET region = regions[1];
      DROP INDEX users_regions_idx;
      DROP INDEX users_groups_idx;
      DROP INDEX users_manager_idx;
      ALTER TABLE users DROP COLUMN regions, DROP COLUMN groups, DROP COLUMN manager_id;
    `);
  }
}
