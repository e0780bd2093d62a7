import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 17: revocable sessions (a token version per user), webhook ids
 * remembered for the replay window, login/webhook throttling counters shared
 * by every process, the encrypted secret store, and idempotency keys bound to
 * the request they first answered.
 */
export class Security1765000200000 implements MigrationInterface {
  name = 'Security1765000200000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE users ADD COLUMN token_version integer NOT NULL DEFAULT 0;
      ALTER TABLE intake_channels ADD COLUMN previous_secret text;
      CREATE TABLE webhook_deliveries (
        webhook_id text PRIMARY KEY,
        route text NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX webhook_deliveries_received_idx ON webhook_deliveries (received_at);
      CREATE TABLE rate_limits (
        key varchar(255) PRIMARY KEY,
        points integer NOT NULL DEFAULT 0,
        expire bigint
      );
      CREATE TABLE secrets (
        name text PRIMARY KEY,
        ciphertext bytea NOT NULL,
        iv bytea NOT NULL,
        auth_tag bytea NOT NULL,
        signing_host text UNIQUE,
        description text,
        updated_by uuid REFERENCES users(id),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      ALTER TABLE idempotency_keys ADD COLUMN request_hash text;
      -- (its created_at index, for the retention job, comes with the housekeeping migration)
    `);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE idempotency_keys DROP COLUMN request_hash;
      DROP TABLE secrets, rate_limits, webhook_deliveries;
      ALTER TABLE users DROP COLUMN token_version;
      ALTER TABLE intake_channels DROP COLUMN previous_secret;
    `);
  }
}
