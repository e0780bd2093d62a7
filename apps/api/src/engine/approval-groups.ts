import type { EntityManager } from 'typeorm';
import type { ApprovalGroup } from '@ticketflow/definition';
import type { Assignment } from './task-assignment.js';

/** The roles of a composite policy, or null for any other policy. Pure. */
export function groupsOf(policy: unknown): ApprovalGroup[] | null {
  const value = policy as { type?: unknown; groups?: unknown } | null;
  return value?.type === 'groups' && Array.isArray(value.groups) ? (value.groups as ApprovalGroup[]) : null;
}

/**
 * Who may decide a composite (`groups`) approval: the active members of any of
 * its groups' roles when the step opens, as named candidates. Reads users,
 * writes nothing.
 */
export async function groupCandidates(
  manager: EntityManager,
  groups: readonly ApprovalGroup[],
): Promise<Assignment> {
  const rows = (await manager.query(
    'SELECT id FROM users WHERE active AND roles && $1::text[] ORDER BY username',
    [groups.map((group) => group.role)],
  )) as { id: string }[];
  return {
    candidateRole: null,
    candidateUsers: rows.map((row) => row.id),
    assigneeId: null,
    note: null,
    incident: null,
  };
}

/**
 * How many of a composite approval's candidates hold each group's role (the
 * requester left out unless the step allows them): the runtime needs it to
 * tell when a group can no longer reach its count. Reads users, writes nothing.
 */
export async function groupHeadcounts(
  manager: EntityManager,
  groups: readonly ApprovalGroup[],
  task: { candidate_users: string[]; allow_requester: boolean },
  requesterId: string,
): Promise<Record<string, number>> {
  const rows = (await manager.query(
    `SELECT g.role, count(u.id)::int AS n
       FROM unnest($1::text[]) AS g(role)
       LEFT JOIN users u ON u.active AND u.id = ANY($2::uuid[]) AND g.role = ANY(u.roles) AND ($3 OR u.id <> $4)
      GROUP BY g.role`,
    [groups.map((group) => group.role), task.candidate_users, task.allow_requester, requesterId],
  )) as { role: string; n: number }[];
  return Object.fromEntries(rows.map((row) => [row.role, row.n]));
}
