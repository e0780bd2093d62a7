import type { DataSource, EntityManager } from 'typeorm';

/** A due timer claimed by this process for the length of its lease. */
export interface ClaimedTimer {
  id: string;
  instance_id: string;
  timer_key: string;
  purpose: string;
  attempts: number;
}

/** A claimed timer as it is under the instance's lock. */
export interface LockedTimer {
  id: string;
  instance_id: string;
  timer_key: string;
  purpose: string;
  status: string;
  due: boolean;
}

/**
 * Claims up to `limit` due timers for `leaseSeconds`: only the earliest
 * scheduled timer of each instance (so one instance's timers fire in order,
 * one per batch), rows another process holds are skipped, and an expired
 * lease (a killed process) makes a row claimable again. One statement.
 */
export async function claimDueTimers(
  db: DataSource,
  limit: number,
  leaseSeconds: number,
): Promise<ClaimedTimer[]> {
  const [rows] = (await db.query(
    `UPDATE timers SET claimed_until = now() + make_interval(secs => $2), attempts = attempts + 1
      WHERE id IN (SELECT c.id FROM timers c
                    WHERE c.status = 'scheduled' AND c.due_at <= now() AND (c.claimed_until IS NULL OR c.claimed_until < now())
                      AND NOT EXISTS (SELECT 1 FROM timers e WHERE e.instance_id = c.instance_id AND e.status = 'scheduled'
                                        AND (e.due_at, e.id) < (c.due_at, c.id))
                    ORDER BY c.due_at LIMIT $1 FOR UPDATE SKIP LOCKED)
      RETURNING id, instance_id, timer_key, purpose, attempts`,
    [limit, leaseSeconds],
  )) as [ClaimedTimer[], number];
  return rows;
}

/** Extends the lease of timers this process still works on. One statement. */
export async function renewTimerLeases(db: DataSource, ids: string[], leaseSeconds: number): Promise<void> {
  if (ids.length === 0) return;
  await db.query(
    `UPDATE timers SET claimed_until = now() + make_interval(secs => $2) WHERE id = ANY($1::uuid[]) AND status = 'scheduled'`,
    [ids, leaseSeconds],
  );
}

/** The claimed timers as they are now, read after their instances were locked. */
export async function lockTimers(manager: EntityManager, ids: string[]): Promise<LockedTimer[]> {
  return (await manager.query(
    `SELECT id, instance_id, timer_key, purpose, status, due_at <= now() AS due FROM timers WHERE id = ANY($1::uuid[]) FOR UPDATE`,
    [ids],
  )) as LockedTimer[];
}

/** Milliseconds until the next scheduled timer is due or its lease ends (null: none). */
export async function msUntilNextTimer(db: DataSource): Promise<number | null> {
  const [next] = (await db.query(
    `SELECT EXTRACT(EPOCH FROM (min(greatest(due_at, coalesce(claimed_until, due_at))) - now())) * 1000 AS ms FROM timers WHERE status = 'scheduled'`,
  )) as { ms: string | null }[];
  return next?.ms === null || next?.ms === undefined ? null : Number(next.ms);
}

/** Records a failed attempt outside any step (the batch and the retry both failed). One statement. */
export async function recordTimerFailure(
  db: DataSource,
  id: string,
  error: string,
  backoffSeconds: number,
  maxAttempts: number,
): Promise<void> {
  await db.query(
    `UPDATE timers SET last_error = $2, claimed_until = now() + make_interval(secs => $3), status = CASE WHEN attempts >= $4 THEN 'failed' ELSE status END
      WHERE id = $1 AND status = 'scheduled'`,
    [id, error.slice(0, 1000), backoffSeconds, maxAttempts],
  );
}
