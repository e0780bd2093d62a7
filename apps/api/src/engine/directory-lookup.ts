import type { EntityManager } from 'typeorm';

/** A person the directory returned. */
export interface DirectoryMember {
  id: string;
  username: string;
  openTasks: number;
}

/** Who may take a step: a role or a group (one of them), narrowed by skills and region. */
export interface MemberQuery {
  role: string | null;
  group: string | null;
  skills: string[];
  region: string | null;
}

const MEMBERS = `SELECT u.id, u.username FROM users u
  WHERE u.active AND ($1::text IS NULL OR $1 = ANY(u.roles)) AND ($2::text IS NULL OR $2 = ANY(u.groups))
    AND u.skills @> $3::text[] AND ($4::text IS NULL OR $4 = ANY(u.regions))`;

const paramsOf = (query: MemberQuery) => [query.role, query.group, query.skills, query.region];

/** Active members matching `query`, by username, with their open task counts. Reads only. */
export async function findMembers(manager: EntityManager, query: MemberQuery): Promise<DirectoryMember[]> {
  const rows = (await manager.query(
    `SELECT m.id, m.username, (SELECT count(*)::int FROM tasks t WHERE t.assignee_id = m.id AND t.status = 'open') AS "openTasks"
       FROM (${MEMBERS}) m ORDER BY m.username`,
    paramsOf(query),
  )) as DirectoryMember[];
  return rows;
}

/**
 * The next member in the rotation of one workflow's node: the first by
 * username after the one who got it last (wrapping round), and records the
 * turn. The first statement creates or locks the rotation row and reads the
 * last pick as committed (a concurrent turn waits for it); the second picks
 * and records — so tickets started at the same moment take turns. Returns
 * null when nobody matches (nothing recorded). Side effect: writes
 * `assignment_rotations` in the caller's transaction.
 */
export async function takeTurn(
  manager: EntityManager,
  rotation: { workflowKey: string; nodeId: string },
  query: MemberQuery,
): Promise<DirectoryMember | null> {
  const [locked] = (await manager.query(
    `INSERT INTO assignment_rotations (workflow_key, node_id) VALUES ($1, $2)
     ON CONFLICT (workflow_key, node_id) DO UPDATE SET updated_at = now()
     RETURNING last_user_id AS "lastUserId"`,
    [rotation.workflowKey, rotation.nodeId],
  )) as { lastUserId: string | null }[];
  const rows = (await manager.query(
    `WITH members AS (${MEMBERS}),
          pick AS (
            SELECT m.id, m.username FROM members m
             ORDER BY m.username <= coalesce((SELECT username FROM users WHERE id = $7::uuid), ''), m.username
             LIMIT 1),
          saved AS (
            UPDATE assignment_rotations r SET last_user_id = pick.id, turns = r.turns + 1
              FROM pick WHERE r.workflow_key = $5 AND r.node_id = $6
            RETURNING r.last_user_id)
     SELECT pick.id, pick.username, 0 AS "openTasks" FROM pick JOIN saved ON saved.last_user_id = pick.id`,
    [...paramsOf(query), rotation.workflowKey, rotation.nodeId, locked?.lastUserId ?? null],
  )) as DirectoryMember[];
  return rows[0] ?? null;
}

/** A person and the active managers above them, nearest first (inactive managers are passed over). Reads only. */
export async function managersAbove(
  manager: EntityManager,
  userId: string,
): Promise<{ person: string | null; managers: DirectoryMember[] }> {
  const rows = (await manager.query(
    `WITH RECURSIVE chain AS (
        SELECT u.id, u.username, u.manager_id, u.active, 0 AS depth FROM users u WHERE u.id = $1
        UNION ALL
        SELECT m.id, m.username, m.manager_id, m.active, c.depth + 1 FROM chain c JOIN users m ON m.id = c.manager_id
         WHERE c.depth < 64)
     SELECT id, username, active, depth FROM chain ORDER BY depth`,
    [userId],
  )) as { id: string; username: string; active: boolean; depth: number }[];
  return {
    person: rows[0]?.username ?? null,
    managers: rows
      .filter((row) => row.depth > 0 && row.active)
      .map((row) => ({ id: row.id, username: row.username, openTasks: 0 })),
  };
}

/**
 * Who handled the instance's latest earlier step: whoever completed it, else
 * its assignee, else its only candidate (an approval that timed out). Reads only.
 */
export async function previousApprover(manager: EntityManager, instanceId: string): Promise<string | null> {
  const [row] = (await manager.query(
    `SELECT coalesce(t.completed_by, t.assignee_id, CASE WHEN cardinality(t.candidate_users) = 1 THEN t.candidate_users[1] END) AS id
       FROM tasks t WHERE t.instance_id = $1 ORDER BY t.created_at DESC, t.id DESC LIMIT 1`,
    [instanceId],
  )) as { id: string | null }[];
  return row?.id ?? null;
}

/** An active user's id by username, or null. Reads only. */
export async function activeUserId(manager: EntityManager, username: string): Promise<string | null> {
  const [row] = (await manager.query('SELECT id FROM users WHERE username = $1 AND active', [username])) as {
    id: string;
  }[];
  return row?.id ?? null;
}
