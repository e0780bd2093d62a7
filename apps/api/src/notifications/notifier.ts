import type { EntityManager } from 'typeorm';

export interface NewNotification {
  ticketId: string | null;
  kind: string;
  title: string;
  body?: string;
  /** Same key for the same user → one notification (a retried step does not notify twice). */
  dedupeKey?: string;
}

/** Inserts one in-app notification per user in the caller's transaction. Side effect: rows in `notifications`. */
export async function notifyUsers(
  manager: EntityManager,
  userIds: string[],
  notification: NewNotification,
): Promise<number> {
  const users = [...new Set(userIds)];
  if (users.length === 0) return 0;
  const [, count] = (await manager.query(
    `INSERT INTO notifications (user_id, ticket_id, kind, title, body, dedupe_key)
     SELECT u, $2, $3, $4, $5, $6 FROM unnest($1::uuid[]) AS u
     ON CONFLICT (user_id, dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING`,
    [
      users,
      notification.ticketId,
      notification.kind,
      notification.title.slice(0, 300),
      (notification.body ?? '').slice(0, 4000),
      notification.dedupeKey ?? null,
    ],
  )) as [unknown, number];
  return count;
}

/** Active users holding `role`. Reads only. */
export async function usersWithRole(manager: EntityManager, role: string): Promise<string[]> {
  const rows = (await manager.query(
    `SELECT id FROM users WHERE active AND $1 = ANY(roles) ORDER BY username LIMIT 200`,
    [role],
  )) as { id: string }[];
  return rows.map((row) => row.id);
}

/** Who works on the ticket now: assignees, candidate users and members of candidate roles of its open tasks. Reads only. */
export async function openTaskPeople(manager: EntityManager, ticketId: string): Promise<string[]> {
  const rows = (await manager.query(
    `SELECT DISTINCT u.id FROM tasks k JOIN users u ON u.active AND (
        u.id = k.assignee_id OR (k.assignee_id IS NULL AND (u.id = ANY(k.candidate_users) OR k.candidate_role = ANY(u.roles))))
      WHERE k.ticket_id = $1 AND k.status = 'open' LIMIT 200`,
    [ticketId],
  )) as { id: string }[];
  return rows.map((row) => row.id);
}

/** The same insert as `notifyUsers`, as one part of a step's statement. Pure apart from adding parameters. */
export function notificationInsertSql(
  userIds: string[],
  notification: NewNotification,
  p: (value: unknown, cast?: string) => string,
): string {
  return `INSERT INTO notifications (user_id, ticket_id, kind, title, body, dedupe_key)
    SELECT u, ${p(notification.ticketId, 'uuid')}, ${p(notification.kind, 'text')}, ${p(notification.title.slice(0, 300), 'text')}, ${p((notification.body ?? '').slice(0, 4000), 'text')}, ${p(notification.dedupeKey ?? null, 'text')}
      FROM unnest(${p([...new Set(userIds)], 'uuid[]')}) AS u
    ON CONFLICT (user_id, dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING RETURNING id`;
}
