import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Intake channels and their kept messages, automation rules with their firings (one per
 * rule, ticket and triggering event), and ticket tags and the initial assignee group.
 */
export class IntakeAndRules1764000300000 implements MigrationInterface {
  name = 'IntakeAndRules1764000300000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE tickets ADD COLUMN tags text[] NOT NULL DEFAULT '{}';
      ALTER TABLE tickets ADD COLUMN assignee_group text;
      CREATE INDEX tickets_tags_idx ON tickets USING gin (tags);
      CREATE TABLE intake_channels (
        channel text PRIMARY KEY,
        enabled boolean NOT NULL DEFAULT true,
        secret text,
        workflow_key text,
        title_template text NOT NULL,
        field_mappings jsonb NOT NULL DEFAULT '[]',
        requester_id uuid REFERENCES users(id),
        updated_by uuid REFERENCES users(id),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE intake_messages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        channel text NOT NULL,
        status text NOT NULL CHECK (status IN ('accepted', 'rejected')),
        status_code integer NOT NULL,
        error_code text,
        error text,
        delivery_id text,
        content_type text,
        payload text NOT NULL,
        ticket_id uuid REFERENCES tickets(id),
        received_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX intake_messages_received_idx ON intake_messages (received_at DESC);
      CREATE UNIQUE INDEX intake_messages_delivery_idx ON intake_messages (channel, delivery_id) WHERE status = 'accepted' AND delivery_id IS NOT NULL;
      CREATE TABLE automation_rules (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        position integer NOT NULL,
        trigger text NOT NULL,
        condition jsonb,
        actions jsonb NOT NULL,
        stop_processing boolean NOT NULL DEFAULT false,
        enabled boolean NOT NULL DEFAULT true,
        updated_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX automation_rules_trigger_idx ON automation_rules (trigger, position);
      CREATE TABLE rule_firings (
        rule_id uuid NOT NULL REFERENCES automation_rules(id) ON DELETE CASCADE,
        ticket_id uuid NOT NULL REFERENCES tickets(id),
        event_id text NOT NULL,
        trigger text NOT NULL,
        actions jsonb NOT NULL,
        fired_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (rule_id, ticket_id, event_id)
      );
      CREATE INDEX rule_firings_ticket_idx ON rule_firings (ticket_id);
      CREATE TABLE automation_cursors (
        ticket_id uuid PRIMARY KEY REFERENCES tickets(id),
        seq integer NOT NULL,
        fields jsonb NOT NULL,
        changes integer NOT NULL DEFAULT 0
      );
    `);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`
      DROP TABLE automation_cursors, rule_firings, automation_rules, intake_messages, intake_channels;
      ALTER TABLE tickets DROP COLUMN assignee_group, DROP COLUMN tags;
    `);
  }
}
