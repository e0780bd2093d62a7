import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The single write path (issue 15):
 * - `audit_log.chain`: audit rows are chained per ticket (the ticket id), or in
 *   the `system` chain for everything else, so appends on different tickets
 *   never wait for each other. Rows written before this migration keep their
 *   global SHA-256 chain under `legacy`.
 * - `engine_config`: one row whose `version` a statement trigger bumps whenever
 *   automation rules, SLA policies or settings change; the engine reads it with
 *   each event and reloads its cached rule set, policies and calendar only when
 *   it moved.
 * - automation cursors go: rules run inside the event's own transaction.
 */
export class EngineCore1765000000000 implements MigrationInterface {
  name = 'EngineCore1765000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE audit_log ADD COLUMN chain text NOT NULL DEFAULT 'legacy';
      ALTER TABLE audit_log ALTER COLUMN chain DROP DEFAULT;
      CREATE INDEX audit_log_chain_idx ON audit_log (chain, id);
      CREATE TABLE engine_config (
        id boolean PRIMARY KEY DEFAULT true CHECK (id),
        version bigint NOT NULL
      );
      INSERT INTO engine_config (id, version) VALUES (true, 1);
      CREATE FUNCTION engine_config_bump() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE engine_config SET version = version + 1;
        RETURN NULL;
      END
      $$;
      CREATE TRIGGER automation_rules_bump_config AFTER INSERT OR UPDATE OR DELETE ON automation_rules
        FOR EACH STATEMENT EXECUTE FUNCTION engine_config_bump();
      CREATE TRIGGER sla_policies_bump_config AFTER INSERT OR UPDATE OR DELETE ON sla_policies
        FOR EACH STATEMENT EXECUTE FUNCTION engine_config_bump();
      CREATE TRIGGER app_settings_bump_config AFTER INSERT OR UPDATE OR DELETE ON app_settings
        FOR EACH STATEMENT EXECUTE FUNCTION engine_config_bump();
      DROP TABLE automation_cursors;
      CREATE INDEX timers_instance_due_idx ON timers (instance_id, due_at) WHERE status = 'scheduled';
    `);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`
      DROP INDEX timers_instance_due_idx;
      CREATE TABLE automation_cursors (
        ticket_id uuid PRIMARY KEY REFERENCES tickets(id),
        seq integer NOT NULL,
        fields jsonb NOT NULL,
        changes integer NOT NULL DEFAULT 0
      );
      DROP TRIGGER app_settings_bump_config ON app_settings;
      DROP TRIGGER sla_policies_bump_config ON sla_policies;
      DROP TRIGGER automation_rules_bump_config ON automation_rules;
      DROP FUNCTION engine_config_bump();
      DROP TABLE engine_config;
      DROP INDEX audit_log_chain_idx;
      ALTER TABLE audit_log DROP COLUMN chain;
    `);
  }
}
