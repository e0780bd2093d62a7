/** Who is calling, as established from the access token. */
export interface AuthUser {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
}

export const isAdmin = (user: AuthUser) => user.roles.includes('admin');
export const hasAnyRole = (user: AuthUser, roles: readonly string[]) =>
  roles.some((role) => user.roles.includes(role));

/** Anything that runs SQL: a DataSource or a transaction's EntityManager. */
interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

/** The active users a `WHERE` clause picks (`$1`…), as callers act for them; at most `limit`. */
export async function activeUsersWhere(
  db: Queryable,
  where: string,
  parameters: unknown[],
  limit = 1,
): Promise<AuthUser[]> {
  const rows = (await db.query(
    `SELECT id, username, display_name, roles FROM users WHERE active AND (${where}) LIMIT ${Number(limit)}`,
    parameters,
  )) as { id: string; username: string; display_name: string; roles: string[] }[];
  return rows.map((row) => ({
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    roles: row.roles,
  }));
}
