import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Step forms and notifications that reach people: users get an e-mail
 * address, and each notification row is also the outbox of its e-mail
 * (`email_status` pending → sending → sent / failed), so a message is only
 * sent after the step that created it committed.
 */
export class StepFormsMail1765160000000 implements MigrationInterface {
  name = 'StepFormsMail1765160000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE users ADD COLUMN email text;
      ALTER TABLE notifications ADD COLUMN email_status text CHECK (email_status IN ('pending', 'sending', 'sent', 'failed'));
      ALTER TABLE notifications ADD COLUMN email_attempts integer NOT NULL DEFAULT 0;
      ALTER TABLE notifications ADD COLUMN email_next_at timestamptz;
      ALTER TABLE notifications ADD COLUMN email_error text;
      ALTER TABLE notifications ADD COLUMN emailed_at timestamptz;
      CREATE INDEX notifications_email_due_idx ON notifications (email_next_at) WHERE email_status IN ('pending', 'sending');
    `);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`
      DROP INDEX notifications_email_due_idx;
      ALTER TABLE notifications DROP COLUMN email_status, DROP COLUMN email_attempts, DROP COLUMN email_next_at, DROP COLUMN email_error, DROP COLUMN emailed_at;
      ALTER TABLE users DROP COLUMN email;
    `);
  }
}
