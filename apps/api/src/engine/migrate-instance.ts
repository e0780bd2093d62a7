import type { EntityManager } from 'typeorm';
import type { MigratedSnapshot } from '@ticketflow/runtime';
import { conflict } from '../common/errors/domain-error.js';

/**
 * Writes one migrated instance in the caller's transaction: the instance row
 * (new version, snapshot, seq + 1, checked against the expected seq), the
 * `migrate` transition, and open tasks and timers re-keyed to the target
 * steps. Tasks to recreate and timers to add or drop are the result's
 * `effects`, which `EngineService.migrate` writes after this. Migration is
 * rare and re-keys rows in two passes, so it uses several statements.
 */
export async function writeMigration(
  manager: EntityManager,
  instance: { id: string; seq: number },
  target: { versionId: string },
  result: MigratedSnapshot,
  note: string,
  actorId: string,
): Promise<void> {
  const { snapshot } = result;
  const [, updated] = (await manager.query(
    `UPDATE instances SET version_id = $3, snapshot = $4, status = $5, active_nodes = $6, seq = seq + 1, updated_at = now() WHERE id = $1 AND seq = $2`,
    [
      instance.id,
      instance.seq,
      target.versionId,
      JSON.stringify(snapshot),
      snapshot.status,
      snapshot.activeNodes,
    ],
  )) as [unknown, number];
  if (updated !== 1)
    throw conflict(
      'instance-changed',
      'The ticket moved on while it was being migrated; run the migration again.',
    );
  const first = result.moves[0];
  await manager.query(
    `INSERT INTO transitions (instance_id, seq, event, from_node, to_node, actor_id, payload, at) VALUES ($1, $2, 'migrate', $3, $4, $5, $6, clock_timestamp())`,
    [
      instance.id,
      instance.seq + 1,
      first?.fromNode ?? null,
      first?.toNode ?? null,
      actorId,
      JSON.stringify({ kind: 'note', text: note }),
    ],
  );

  // Two passes, so keys that swap places never collide on UNIQUE (instance_id, task_key).
  const tasks = result.tasks.filter((task) => !task.recreate && task.fromKey !== task.toKey);
  for (const task of tasks) {
    await manager.query(
      `UPDATE tasks SET task_key = $3 WHERE instance_id = $1 AND task_key = $2 AND status = 'open'`,
      [instance.id, task.fromKey, `~migrating~${task.toKey}`],
    );
  }
  for (const task of result.tasks.filter((t) => !t.recreate)) {
    const info = task.task;
    await manager.query(
      `UPDATE tasks SET task_key = $3, node_id = $4, name = $5, policy = $6, outcomes = $7, form = $8
        WHERE instance_id = $1 AND task_key = $2 AND status = 'open'`,
      [
        instance.id,
        task.fromKey === task.toKey ? task.fromKey : `~migrating~${task.toKey}`,
        task.toKey,
        task.toNode,
        info.name,
        info.kind === 'approval' ? JSON.stringify(info.policy) : null,
        info.kind === 'task' ? info.outcomes : ['approved', 'rejected'],
        info.kind === 'task' && info.form ? JSON.stringify(info.form) : null,
      ],
    );
  }
  const timers = result.timers.filter((timer) => timer.fromKey !== timer.toKey);
  for (const timer of timers) {
    await manager.query(
      `UPDATE timers SET timer_key = $3 WHERE instance_id = $1 AND timer_key = $2 AND status = 'scheduled'`,
      [instance.id, timer.fromKey, `~migrating~${timer.toKey}`],
    );
  }
  for (const timer of timers) {
    await manager.query(
      `UPDATE timers SET timer_key = $3, node_id = $4 WHERE instance_id = $1 AND timer_key = $2 AND status = 'scheduled'`,
      [instance.id, `~migrating~${timer.toKey}`, timer.toKey, timer.toNode],
    );
  }
}

/** The note the `migrate` transition carries, e.g. "migrated from v1 to v2 (finance → controller)". Pure. */
export function migrationNote(fromVersion: number, toVersion: number, result: MigratedSnapshot): string {
  const renamed = result.moves
    .filter((move) => move.fromNode !== move.toNode)
    .map((move) => `${move.fromNode} → ${move.toNode}`);
  return `migrated from v${fromVersion} to v${toVersion}${renamed.length > 0 ? ` (${renamed.join(', ')})` : ''}`;
}
