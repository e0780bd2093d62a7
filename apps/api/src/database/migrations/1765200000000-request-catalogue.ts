import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The request catalogue (issue 21): the request types requesters start from.
 * Categories group them; each entry makes one workflow requestable (or not),
 * with an icon and a title and description in both languages. Positions give
 * the order admins chose. Written only by the catalogue service.
 */
export class RequestCatalogue1765200000000 implements MigrationInterface {
  name = 'RequestCatalogue1765200000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE catalogue_categories (
        id text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]{0,39}$'),
        name_en text NOT NULL,
        name_zh text NOT NULL,
        position integer NOT NULL
      );
      CREATE TABLE catalogue_entries (
        workflow_key text PRIMARY KEY,
        requestable boolean NOT NULL DEFAULT false,
        category_id text REFERENCES catalogue_categories(id),
        position integer NOT NULL,
        icon text NOT NULL,
        title_en text,
        title_zh text,
        description_en text NOT NULL DEFAULT '',
        description_zh text NOT NULL DEFAULT '',
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid REFERENCES users(id)
      );
      CREATE INDEX catalogue_entries_category_idx ON catalogue_entries (category_id, position);
    `);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE catalogue_entries; DROP TABLE catalogue_categories;`);
  }
}
