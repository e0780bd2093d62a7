import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * E-mail in and out, satisfaction surveys (issue 21):
 * - `mail_channels`: an inbound address, the workflow its new e-mails start,
 *   the mapping rules and the sender policy;
 * - `mail_messages`: every inbound e-mail and what became of it (ticket,
 *   comment, ignored, rejected), keyed by its Message-ID so a redelivery is
 *   not a second ticket;
 * - `satisfaction_surveys`: one per resolved ticket, asked of its requester,
 *   answered once (rating 1–5 and a comment).
 */
export class MailSatisfaction1765700000000 implements MigrationInterface {
  name = 'MailSatisfaction1765700000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE mail_channels (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        address text NOT NULL UNIQUE CHECK (address = lower(address)),
        enabled boolean NOT NULL DEFAULT true,
        workflow_key text NOT NULL,
        title_template text NOT NULL DEFAULT '{{subject}}',
        field_mappings jsonb NOT NULL DEFAULT '[]',
        unknown_sender text NOT NULL DEFAULT 'reject' CHECK (unknown_sender IN ('reject', 'fallback')),
        fallback_requester_id uuid REFERENCES users(id),
        allowed_domains text[] NOT NULL DEFAULT '{}',
        max_bytes integer NOT NULL DEFAULT 10485760 CHECK (max_bytes BETWEEN 1024 AND 52428800),
        updated_by uuid REFERENCES users(id),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE mail_messages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        channel_id uuid REFERENCES mail_channels(id) ON DELETE SET NULL,
        message_id text,
        status text NOT NULL CHECK (status IN ('ticket', 'comment', 'ignored', 'rejected')),
        reason text,
        from_address text,
        subject text,
        ticket_id uuid REFERENCES tickets(id),
        attachments integer NOT NULL DEFAULT 0,
        size_bytes integer NOT NULL DEFAULT 0,
        received_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX mail_messages_accepted_idx ON mail_messages (message_id) WHERE status IN ('ticket', 'comment');
      CREATE INDEX mail_messages_received_idx ON mail_messages (received_at DESC);
      CREATE INDEX users_email_lower_idx ON users (lower(email)) WHERE email IS NOT NULL;
      CREATE TABLE satisfaction_surveys (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        ticket_id uuid NOT NULL UNIQUE REFERENCES tickets(id),
        requester_id uuid NOT NULL REFERENCES users(id),
        agent_id uuid REFERENCES users(id),
        asked_at timestamptz NOT NULL DEFAULT now(),
        responded_at timestamptz,
        rating smallint CHECK (rating BETWEEN 1 AND 5),
        comment text,
        response_via text CHECK (response_via IN ('app', 'email')),
        CHECK ((responded_at IS NULL) = (rating IS NULL))
      );
      CREATE INDEX satisfaction_asked_idx ON satisfaction_surveys (asked_at);
      CREATE INDEX satisfaction_agent_idx ON satisfaction_surveys (agent_id);
      CREATE INDEX tasks_completed_by_idx ON tasks (completed_by, completed_at) WHERE completed_by IS NOT NULL;
    `);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`
      DROP INDEX tasks_completed_by_idx;
      DROP TABLE satisfaction_surveys;
      DROP INDEX users_email_lower_idx;
      DROP TABLE mail_messages;
      DROP TABLE mail_channels;
    `);
  }
}
