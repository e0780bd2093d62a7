import type { DataSource, EntityManager } from 'typeorm';

/**
 * The outbox rows' life after the step that wrote them: claimed with a short
 * lease (renewed while the call runs, so a killed process's rows come back
 * within seconds), retried later, cancelled, or closed with the result in the
 * step that reports it. The engine's worker side; one statement each.
 */
export async function claimOutbox<T>(db: DataSource, limit: number, leaseSeconds: number): Promise<T[]> {
  const [claimed] = (await db.query(
    `UPDATE outbox SET attempts = attempts + 1, next_attempt_at = now() + make_interval(secs => $2)
      WHERE id IN (SELECT id FROM outbox WHERE status = 'pending' AND next_attempt_at <= now()
                    ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED)
      RETURNING id, instance_id, action_key, node_id, payload, attempts`,
    [limit, leaseSeconds],
  )) as [T[], number];
  return claimed;
}

/** Keeps the claim of rows whose calls are still running. */
export async function renewOutboxLeases(
  db: DataSource,
  claims: { id: string; attempts: number }[],
  leaseSeconds: number,
): Promise<void> {
  if (claims.length === 0) return;
  await db.query(
    `UPDATE outbox o SET next_attempt_at = now() + make_interval(secs => $3)
       FROM unnest($1::uuid[], $2::int[]) AS c(id, attempts) WHERE o.id = c.id AND o.attempts = c.attempts AND o.status = 'pending'`,
    [claims.map((c) => c.id), claims.map((c) => c.attempts), leaseSeconds],
  );
}

export async function msUntilNextOutbox(db: DataSource): Promise<number | null> {
  const [next] = (await db.query(
    `SELECT EXTRACT(EPOCH FROM (min(next_attempt_at) - now())) * 1000 AS ms FROM outbox WHERE status = 'pending'`,
  )) as { ms: string | null }[];
  return next?.ms === null || next?.ms === undefined ? null : Number(next.ms);
}

export async function retryOutboxLater(
  db: DataSource,
  claim: { id: string; attempts: number },
  error: string,
  status: number | null,
  seconds: number,
): Promise<void> {
  await db.query(
    `UPDATE outbox SET next_attempt_at = now() + make_interval(secs => $3), last_error = $4, last_status = $5 WHERE id = $1 AND attempts = $2 AND status = 'pending'`,
    [claim.id, claim.attempts, seconds, error.slice(0, 2000), status],
  );
}

export async function cancelOutbox(db: DataSource, claim: { id: string; attempts: number }): Promise<void> {
  await db.query(
    `UPDATE outbox SET status = 'cancelled', done_at = now() WHERE id = $1 AND status = 'pending' AND attempts = $2`,
    [claim.id, claim.attempts],
  );
}

/** Locks the row and closes it with the result if this claim still owns it; false when it no longer does. */
export async function closeOutbox(
  manager: EntityManager,
  claim: { id: string; attempts: number },
  outcome: 'done' | 'failed',
  error: string | null,
  status: number | null,
): Promise<boolean> {
  const [row] = (await manager.query(`SELECT status, attempts FROM outbox WHERE id = $1 FOR UPDATE`, [
    claim.id,
  ])) as { status: string; attempts: number }[];
  if (!row || row.status !== 'pending' || row.attempts !== claim.attempts) return false;
  await manager.query(
    `UPDATE outbox SET status = $2, done_at = now(), last_error = $3, last_status = $4 WHERE id = $1`,
    [claim.id, outcome, error?.slice(0, 2000) ?? null, status],
  );
  return true;
}

/** Puts a failed action's row back to pending for an admin's retry. */
export async function reopenOutbox(manager: EntityManager, id: string): Promise<void> {
  await manager.query(
    `UPDATE outbox SET status = 'pending', attempts = 0, next_attempt_at = now(), last_error = NULL, last_status = NULL, done_at = NULL WHERE id = $1`,
    [id],
  );
}
