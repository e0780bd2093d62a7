import type { EntityManager } from 'typeorm';
import type { Approvers, Assignee } from '@ticketflow/definition';
import { unprocessable } from '../common/errors/domain-error.js';

export interface Assignment {
  candidateRole: string | null;
  candidateUsers: string[];
  assigneeId: string | null;
}

/**
 * Who a new task goes to. A user by name; a role (everyone in it may claim);
 * or a role narrowed by skills and region and then picked by strategy —
 * round-robin (the member after the one who got this step last) or
 * least-loaded (fewest open tasks). Reads the database, writes nothing.
 */
export async function assignTask(
  manager: EntityManager,
  nodeId: string,
  assignee: Assignee,
): Promise<Assignment> {
  if ('user' in assignee) {
    return {
      candidateRole: null,
      candidateUsers: [],
      assigneeId: await userIdByName(manager, assignee.user),
    };
  }
  const { role, strategy, skills = [], region } = assignee;
  if (!strategy && skills.length === 0 && region === undefined)
    return { candidateRole: role, candidateUsers: [], assigneeId: null };
  const members = (await manager.query(
    `SELECT u.id,
            (SELECT count(*)::int FROM tasks t WHERE t.assignee_id = u.id AND t.status = 'open') AS open_tasks,
            (SELECT max(t.created_at) FROM tasks t WHERE t.assignee_id = u.id AND t.node_id = $4) AS last_assigned
       FROM users u
      WHERE u.active AND $1 = ANY(u.roles) AND u.skills @> $2::text[] AND ($3::text IS NULL OR u.region = $3)
      ORDER BY u.username`,
    [role, skills, region ?? null, nodeId],
  )) as { id: string; open_tasks: number; last_assigned: Date | null }[];
  if (members.length === 0) return { candidateRole: role, candidateUsers: [], assigneeId: null };
  const pick = strategy === 'least-loaded' ? leastLoaded(members) : roundRobin(members);
  return { candidateRole: role, candidateUsers: [], assigneeId: pick };
}

function leastLoaded(members: { id: string; open_tasks: number }[]): string {
  return members.reduce((best, member) => (member.open_tasks < best.open_tasks ? member : best)).id;
}

function roundRobin(members: { id: string; last_assigned: Date | null }[]): string {
  // Whoever waited longest since their last assignment of this step goes next; never-assigned first, by name.
  const never = members.find((member) => member.last_assigned === null);
  if (never) return never.id;
  return members.reduce((oldest, member) =>
    (member.last_assigned as Date) < (oldest.last_assigned as Date) ? member : oldest,
  ).id;
}

/** Candidates of an approval: a role, or named users. */
export async function approvalCandidates(
  manager: EntityManager,
  approvers: Exclude<Approvers, { field: string }>,
): Promise<Assignment> {
  if ('role' in approvers) return { candidateRole: approvers.role, candidateUsers: [], assigneeId: null };
  const rows = (await manager.query('SELECT id FROM users WHERE username = ANY($1) AND active', [
    approvers.users,
  ])) as { id: string }[];
  return { candidateRole: null, candidateUsers: rows.map((row) => row.id), assigneeId: null };
}

async function userIdByName(manager: EntityManager, username: string): Promise<string> {
  const [row] = (await manager.query('SELECT id FROM users WHERE username = $1 AND active', [username])) as {
    id: string;
  }[];
  if (!row)
    throw unprocessable(
      'assignee-unknown',
      `The step is assigned to user "${username}", who does not exist or is inactive.`,
    );
  return row.id;
}
