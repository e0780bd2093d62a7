import type { DataSource, EntityManager } from 'typeorm';

/** A pending hand-back as the worker claims it. */
export interface ClaimedHandback {
  id: string;
  parent_instance_id: string;
  subflow_key: string;
  child_instance_id: string;
  outcome: string;
  fields: Record<string, unknown>;
  attempts: number;
}

/**
 * The hand-back rows' life after the child's last step wrote them: claimed
 * with a short lease (a killed process's rows come back), closed in the
 * transaction that steps the parent, or put off while the parent cannot take
 * events. The engine's worker side, one statement each.
 */
export async function claimHandbacks(
  db: DataSource,
  limit: number,
  leaseSeconds: number,
): Promise<ClaimedHandback[]> {
  const [claimed] = (await db.query(
    `UPDATE subflow_handbacks SET attempts = attempts + 1, next_attempt_at = now() + make_interval(secs => $2)
      WHERE id IN (SELECT id FROM subflow_handbacks WHERE status = 'pending' AND next_attempt_at <= now()
                    ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED)
      RETURNING id, parent_instance_id, subflow_key, child_instance_id, outcome, fields, attempts`,
    [limit, leaseSeconds],
  )) as [ClaimedHandback[], number];
  return claimed;
}

/** Milliseconds until the next pending hand-back is due, or null when none is pending. */
export async function msUntilNextHandback(db: DataSource): Promise<number | null> {
  const [next] = (await db.query(
    `SELECT EXTRACT(EPOCH FROM (min(next_attempt_at) - now())) * 1000 AS ms FROM subflow_handbacks WHERE status = 'pending'`,
  )) as { ms: string | null }[];
  return next?.ms === null || next?.ms === undefined ? null : Number(next.ms);
}

/**
 * Locks the row and closes it — `delivered` to the parent, or `dropped` with the reason when the
 * parent no longer waits — if this claim still owns it; false when it does not (another process
 * delivered it after our lease ran out). Runs in the transaction that steps the parent.
 */
export async function closeHandback(
  manager: EntityManager,
  claim: { id: string; attempts: number },
  status: 'delivered' | 'dropped',
  note: string | null,
): Promise<boolean> {
  const [row] = (await manager.query(
    `SELECT status, attempts FROM subflow_handbacks WHERE id = $1 FOR UPDATE`,
    [claim.id],
  )) as { status: string; attempts: number }[];
  if (!row || row.status !== 'pending' || row.attempts !== claim.attempts) return false;
  await manager.query(
    `UPDATE subflow_handbacks SET status = $2, done_at = now(), last_error = $3 WHERE id = $1`,
    [claim.id, status, note?.slice(0, 2000) ?? null],
  );
  return true;
}

/** Tries again later: the parent is in incident (it takes no events until an admin resolves it). */
export async function postponeHandback(
  db: DataSource,
  claim: { id: string; attempts: number },
  reason: string,
  seconds: number,
): Promise<void> {
  await db.query(
    `UPDATE subflow_handbacks SET next_attempt_at = now() + make_interval(secs => $3), last_error = $4
      WHERE id = $1 AND attempts = $2 AND status = 'pending'`,
    [claim.id, claim.attempts, seconds, reason.slice(0, 2000)],
  );
}
