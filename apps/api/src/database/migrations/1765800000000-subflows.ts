import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sub-flows (issue 23): a child instance knows the parent instance and the
 * sub-flow step that started it (`parent_subflow_key` is the runtime's key
 * the child's end reports back under). When a child ends, the engine writes
 * a hand-back row in the same statement; a worker delivers it to the parent
 * in a transaction of its own, so a crash between the child's end and the
 * parent's resume leaves the row pending and it is delivered after restart.
 */
export class Subflows1765800000000 implements MigrationInterface {
  name = 'Subflows1765800000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE instances
        ADD COLUMN parent_instance_id uuid REFERENCES instances(id),
        ADD COLUMN parent_node_id text,
        ADD COLUMN parent_subflow_key text;
      CREATE INDEX instances_parent_idx ON instances (parent_instance_id, parent_subflow_key)
        WHERE parent_instance_id IS NOT NULL;
      CREATE TABLE subflow_handbacks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        parent_instance_id uuid NOT NULL REFERENCES instances(id),
        subflow_key text NOT NULL,
        child_instance_id uuid NOT NULL UNIQUE REFERENCES instances(id),
        outcome text NOT NULL,
        fields jsonb NOT NULL DEFAULT '{}'::jsonb,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'dropped')),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        done_at timestamptz
      );
      CREATE INDEX subflow_handbacks_pending_idx ON subflow_handbacks (next_attempt_at) WHERE status = 'pending';
    `);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`
      DROP TABLE subflow_handbacks;
      DROP INDEX instances_parent_idx;
      ALTER TABLE instances DROP COLUMN parent_instance_id, DROP COLUMN parent_node_id, DROP COLUMN parent_subflow_key;
    `);
  }
}
