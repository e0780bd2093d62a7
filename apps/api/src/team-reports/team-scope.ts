import type { AuthUser } from '../auth/auth-user.js';
import { forbidden } from '../common/errors/domain-error.js';
import type { Queryable } from '../reports/report-values.js';

/** Whose figures a caller may read: everyone's (`null`), or these people and groups. */
export interface TeamScope {
  userIds: string[] | null;
  groups: string[] | null;
}

/** Roles that are not teams: everyone or no-one works "in" them. */
const NOT_TEAMS = ['admin', 'requester', 'designer'];

/**
 * The people and groups a caller may see in team reports. Admins see all.
 * A manager sees their team: the active people who share one of the
 * manager's directory groups or regions (`users.groups`, `users.regions`),
 * or a role of theirs other than `manager`; the groups are the roles those
 * people hold (not admin, requester or designer). Anyone else sees nothing.
 * Reads only.
 */
export async function teamScope(db: Queryable, user: AuthUser): Promise<TeamScope> {
  if (user.roles.includes('admin')) return { userIds: null, groups: null };
  if (!user.roles.includes('manager')) return { userIds: [], groups: [] };
  const rows = (await db.query(
    `SELECT u.id, u.roles FROM users u, users me
      WHERE me.id = $1 AND u.active AND (u.id = me.id OR u.regions && me.regions OR u.groups && me.groups
        OR EXISTS (SELECT 1 FROM unnest(me.roles) r WHERE r <> 'manager' AND r <> ALL($2::text[]) AND r = ANY(u.roles)))`,
    [user.id, NOT_TEAMS],
  )) as { id: string; roles: string[] }[];
  const groups = new Set(rows.flatMap((row) => row.roles).filter((role) => !NOT_TEAMS.includes(role)));
  return { userIds: rows.map((row) => row.id), groups: [...groups].sort() };
}

/** Refuses a `group` filter outside the caller's groups. Pure. */
export function assertGroupInScope(scope: TeamScope, group: string | undefined): void {
  if (group === undefined || scope.groups === null || scope.groups.includes(group)) return;
  throw forbidden(
    'not-your-group',
    `You may read the figures of your own groups only; "${group}" is not one of them.`,
  );
}
