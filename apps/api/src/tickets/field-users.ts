import type { FieldDefinition } from '@ticketflow/definition';
import { invalid } from '../common/errors/domain-error.js';
import type { FieldProblem } from './field-values.js';

/** Anything that runs SQL: a DataSource or a transaction's EntityManager. */
interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

/**
 * Throws a 400 `invalid-fields` naming each name in a `users` field that is not
 * an active user of the directory (`costCentreOwners: unknown-user {name}`), so
 * an approval never waits for someone who cannot sign in. Reads the database
 * only when a `users` field is among `values`; call after `assertFieldValues`.
 */
export async function assertKnownUsers(
  db: Queryable,
  definitions: readonly FieldDefinition[],
  values: Record<string, unknown>,
): Promise<void> {
  const named = definitions
    .filter((field) => field.type === 'users' && Array.isArray(values[field.name]))
    .flatMap((field) => (values[field.name] as string[]).map((name) => ({ field: field.name, name })));
  if (named.length === 0) return;
  const rows = (await db.query('SELECT username FROM users WHERE active AND username = ANY($1::text[])', [
    [...new Set(named.map((entry) => entry.name))],
  ])) as { username: string }[];
  const known = new Set(rows.map((row) => row.username));
  const problems: FieldProblem[] = named
    .filter((entry) => !known.has(entry.name))
    .map((entry) => ({
      field: entry.field,
      code: 'unknown-user',
      params: { name: entry.name },
      message: `fields.${entry.field}: "${entry.name}" is not an active user`,
    }));
  if (problems.length > 0)
    throw invalid('invalid-fields', problems.map((problem) => problem.message).join('; '), problems);
}
