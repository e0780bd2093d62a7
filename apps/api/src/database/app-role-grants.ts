import type { DataSource } from 'typeorm';

/** History the application only ever appends to: its role may insert and read, never change or remove. */
export const APPEND_ONLY_TABLES = ['transitions', 'approval_votes', 'audit_log'] as const;

/**
 * Gives the application's login role what it needs on every table the
 * migrations made — read and write, except UPDATE, DELETE and TRUNCATE on
 * the append-only history — while the schema stays owned by the migration
 * role. Run by the owner after each migration run, so new tables are
 * covered. Side effects: GRANT / REVOKE statements.
 */
export async function grantApplicationRole(owner: DataSource, role: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(role))
    throw new Error(`application role "${role}" must be a plain lower-case PostgreSQL name`);
  const quoted = `"${role}"`;
  await owner.query(`GRANT USAGE ON SCHEMA public TO ${quoted}`);
  await owner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${quoted}`);
  await owner.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${quoted}`);
  await owner.query(`REVOKE UPDATE, DELETE, TRUNCATE ON ${APPEND_ONLY_TABLES.join(', ')} FROM ${quoted}`);
  await owner.query(`REVOKE TRUNCATE ON ALL TABLES IN SCHEMA public FROM ${quoted}`);
}
