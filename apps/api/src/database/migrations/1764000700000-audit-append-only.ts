import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Makes the audit log append-only in the database itself: a trigger refuses
 * UPDATE, DELETE and TRUNCATE of `audit_log` for every role (works on PGlite and
 * PostgreSQL), and PUBLIC loses those privileges. A superuser or the table's
 * owner can still disable the trigger — production should run the application
 * as a role that owns nothing (see apps/api/README.md); the hash chain
 * (verify-audit-command) catches what gets through.
 */
export class AuditAppendOnly1764000700000 implements MigrationInterface {
  name = 'AuditAppendOnly1764000700000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
      END
      $$;
      CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log
        FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
      CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
        FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
      REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM PUBLIC;
    `);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`
      DROP TRIGGER audit_log_no_truncate ON audit_log;
      DROP TRIGGER audit_log_no_update_delete ON audit_log;
      DROP FUNCTION audit_log_refuse_change();
    `);
  }
}
