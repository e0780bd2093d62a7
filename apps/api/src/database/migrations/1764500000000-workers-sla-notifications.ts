import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Durable workers and SLAs: leases on timers (so a crashed worker's claim
 * expires), SLA timers without a node, SLA policies and clocks, in-app
 * notifications, and the outbox row an incident came from (for retry).
 */
export class WorkersSlaNotifications1764500000000 implements MigrationInterface {
  name = 'WorkersSlaNotifications1764500000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE timers ALTER COLUMN node_id DROP NOT NULL;
      ALTER TABLE timers ADD COLUMN claimed_until timestamptz;
      ALTER TABLE timers ADD COLUMN attempts integer NOT NULL DEFAULT 0;
      ALTER TABLE timers ADD COLUMN last_error text;
      ALTER TABLE outbox ADD COLUMN last_status integer;
      ALTER TABLE incidents ADD COLUMN outbox_id uuid REFERENCES outbox(id);
      CREATE INDEX incidents_instance_idx ON incidents (instance_id);
      CREATE TABLE sla_policies (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workflow_key text NOT NULL,
        priority text,
        response_minutes integer CHECK (response_minutes > 0),
        resolution_minutes integer CHECK (resolution_minutes > 0),
        business_hours boolean NOT NULL DEFAULT false,
        warn_before_percent integer NOT NULL DEFAULT 20 CHECK (warn_before_percent BETWEEN 0 AND 99),
        pause_while_waiting boolean NOT NULL DEFAULT false,
        breach_action text NOT NULL DEFAULT 'notify',
        escalation_role text,
        updated_by uuid REFERENCES users(id),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX sla_policies_key_idx ON sla_policies (workflow_key, coalesce(priority, ''));
      CREATE TABLE sla_clocks (
        ticket_id uuid NOT NULL REFERENCES tickets(id),
        kind text NOT NULL,
        policy_id uuid REFERENCES sla_policies(id) ON DELETE SET NULL,
        target_minutes integer NOT NULL,
        business_hours boolean NOT NULL,
        warn_before_percent integer NOT NULL,
        pause_while_waiting boolean NOT NULL,
        breach_action text NOT NULL,
        escalation_role text,
        status text NOT NULL DEFAULT 'running',
        started_at timestamptz NOT NULL DEFAULT now(),
        running_since timestamptz,
        elapsed_before_ms bigint NOT NULL DEFAULT 0,
        due_at timestamptz,
        warned_at timestamptz,
        breached_at timestamptz,
        stopped_at timestamptz,
        PRIMARY KEY (ticket_id, kind)
      );
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id),
        ticket_id uuid REFERENCES tickets(id),
        kind text NOT NULL,
        title text NOT NULL,
        body text NOT NULL DEFAULT '',
        dedupe_key text,
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz
      );
      CREATE INDEX notifications_user_idx ON notifications (user_id, created_at DESC);
      CREATE UNIQUE INDEX notifications_dedupe_idx ON notifications (user_id, dedupe_key) WHERE dedupe_key IS NOT NULL;
    `);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`
      DROP TABLE notifications, sla_clocks, sla_policies;
      DROP INDEX incidents_instance_idx;
      ALTER TABLE incidents DROP COLUMN outbox_id;
      ALTER TABLE outbox DROP COLUMN last_status;
      ALTER TABLE timers DROP COLUMN last_error, DROP COLUMN attempts, DROP COLUMN claimed_until;
    `);
  }
}
