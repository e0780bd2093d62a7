import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Files on tickets (issue 21): uploads, generated documents and e-mail
 * attachments. The bytes live in `data` on the embedded default and in an
 * S3-compatible bucket (`storage_key`) when one is configured. `source_key`
 * makes a generated document's retries store it once.
 */
export class Attachments1765600000000 implements MigrationInterface {
  name = 'Attachments1765600000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE attachments (
        id uuid PRIMARY KEY,
        ticket_id uuid NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
        task_id uuid REFERENCES tasks(id) ON DELETE SET NULL,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 255),
        content_type text NOT NULL,
        size_bytes integer NOT NULL CHECK (size_bytes >= 0),
        sha256 text NOT NULL,
        visibility text NOT NULL CHECK (visibility IN ('internal', 'public')),
        source text NOT NULL CHECK (source IN ('upload', 'document', 'email')),
        source_key text UNIQUE,
        storage text NOT NULL CHECK (storage IN ('database', 's3')),
        storage_key text,
        data bytea,
        uploaded_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((storage = 'database') = (data IS NOT NULL))
      );
      CREATE INDEX attachments_ticket_idx ON attachments (ticket_id, created_at);
    `);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE attachments`);
  }
}
