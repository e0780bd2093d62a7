import type { EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';

/** The people a user may act for right now: themselves plus whoever delegated to them. */
export interface ActingIdentity {
  userId: string;
  /** The user first, then active delegators, each with their roles. */
  people: { id: string; roles: string[] }[];
  userIds: string[];
  roles: string[];
  isAdmin: boolean;
}

/** Reads active delegations to `user`. */
export async function actingIdentity(manager: EntityManager, user: AuthUser): Promise<ActingIdentity> {
  const rows = (await manager.query(
    `SELECT u.id, u.roles FROM delegations d JOIN users u ON u.id = d.from_user_id
      WHERE d.to_user_id = $1 AND d.starts_at <= now() AND (d.ends_at IS NULL OR d.ends_at > now()) AND u.active`,
    [user.id],
  )) as { id: string; roles: string[] }[];
  return identityOf(user, rows);
}

/**
 * The identity of `user` with their delegators (as the engine's load statement
 * read them). A delegate acts for a delegator only within roles they hold
 * themselves (a role removed since the delegation was made, from either side,
 * no longer carries over). Pure.
 */
export function identityOf(user: AuthUser, delegators: { id: string; roles: string[] }[]): ActingIdentity {
  const people = [
    { id: user.id, roles: user.roles },
    ...delegators.map((row) => ({
      id: row.id,
      roles: row.roles.filter((role) => user.roles.includes(role)),
    })),
  ];
  return {
    userId: user.id,
    people,
    userIds: people.map((person) => person.id),
    roles: [...new Set(people.flatMap((person) => person.roles))],
    isAdmin: user.roles.includes('admin'),
  };
}

/** SQL condition: task alias `k` is actionable by the identity in $ids (uuid[]) and $roles (text[]). */
export function taskActionableSql(ids: string, roles: string): string {
  return `(k.assignee_id = ANY(${ids}) OR (k.assignee_id IS NULL AND (k.candidate_role = ANY(${roles}) OR k.candidate_users && ${ids})))`;
}

export interface TaskCandidates {
  assignee_id: string | null;
  candidate_role: string | null;
  candidate_users: string[];
  allow_requester: boolean;
}

/**
 * Whether `identity` may act on the task, and for whom. Separation of duties:
 * unless the step allows it, the requester may not act, and nobody may act on
 * the requester's behalf through a delegation. Pure.
 */
export function eligibility(
  task: TaskCandidates,
  identity: ActingIdentity,
  requesterId: string,
): { ok: true; onBehalfOf: string | null } | { ok: false; reason: 'separation-of-duties' | 'not-eligible' } {
  const barred = !task.allow_requester;
  if (barred && identity.userId === requesterId) return { ok: false, reason: 'separation-of-duties' };
  const match = identity.people
    .filter((person) => !(barred && person.id === requesterId))
    .find((person) =>
      task.assignee_id !== null
        ? task.assignee_id === person.id
        : (task.candidate_role !== null && person.roles.includes(task.candidate_role)) ||
          task.candidate_users.includes(person.id),
    );
  if (!match) return { ok: false, reason: 'not-eligible' };
  return { ok: true, onBehalfOf: match.id === identity.userId ? null : match.id };
}
