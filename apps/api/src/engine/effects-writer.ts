import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Effect } from '@ticketflow/runtime';
import { approvalCandidates, assignTask } from '../tasks/task-assignment.js';
import { loadBusinessCalendar } from '../timers/calendar-settings.js';
import { computeDueAt } from '../timers/due-date.js';
import type { LoadedInstance } from './loaded-instance.js';

export interface EffectsOutcome {
  /** Users whose inbox changed, for live updates. */
  touchedTasks: boolean;
  timersScheduled: boolean;
  outboxWritten: boolean;
}

/**
 * Applies a step's effects as rows in the caller's transaction: tasks, timers,
 * outbox messages, incidents and the ticket's status. Nothing leaves the
 * database here; workers act after commit.
 */
@Injectable()
export class EffectsWriter {
  async apply(manager: EntityManager, instance: Pick<LoadedInstance, 'id' | 'ticketId'>, effects: Effect[], now = new Date()): Promise<EffectsOutcome> {
    const outcome: EffectsOutcome = { touchedTasks: false, timersScheduled: false, outboxWritten: false };
    for (const effect of effects) {
      switch (effect.type) {
        case 'task.create':
          await this.createTask(manager, instance, effect);
          outcome.touchedTasks = true;
          break;
        case 'task.close':
          await manager.query(
            `UPDATE tasks SET status = $3, outcome = coalesce(outcome, $4), completed_at = coalesce(completed_at, now())
              WHERE instance_id = $1 AND task_key = $2 AND status = 'open'`,
            [instance.id, effect.taskKey, effect.status, effect.outcome ?? null],
          );
          outcome.touchedTasks = true;
          break;
        case 'timer.schedule': {
          const dueAt = computeDueAt(effect, now, effect.businessHours ? await loadBusinessCalendar(manager) : undefined);
          const upsert = `INSERT INTO timers (instance_id, timer_key, node_id, purpose, due_at) VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (instance_id, timer_key) DO UPDATE SET due_at = EXCLUDED.due_at, status = 'scheduled', fired_at = NULL`;
          // A timeout also dates the node's open task; one statement (one round trip) does both.
          await manager.query(
            effect.purpose === 'timeout'
              ? `WITH timer AS (${upsert}) UPDATE tasks SET due_at = $5 WHERE instance_id = $1 AND node_id = $3 AND status = 'open'`
              : upsert,
            [instance.id, effect.timerKey, effect.nodeId, effect.purpose, dueAt],
          );
          outcome.timersScheduled = true;
          break;
        }
        case 'timer.cancel':
          await manager.query(`UPDATE timers SET status = 'cancelled' WHERE instance_id = $1 AND timer_key = $2 AND status = 'scheduled'`, [instance.id, effect.timerKey]);
          break;
        case 'action.perform':
          await manager.query(
            `INSERT INTO outbox (instance_id, action_key, node_id, payload) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
            [instance.id, effect.actionKey, effect.nodeId, JSON.stringify(effect.action)],
          );
          outcome.outboxWritten = true;
          break;
        case 'instance.complete':
          await manager.query(
            `UPDATE tickets SET status = CASE WHEN $2 = 'cancelled' THEN 'cancelled' ELSE 'completed' END, outcome = $2, closed_at = now(), updated_at = now() WHERE id = $1`,
            [instance.ticketId, effect.outcome],
          );
          break;
        case 'incident.raise':
          await manager.query(`INSERT INTO incidents (instance_id, node_id, code, message) VALUES ($1, $2, $3, $4)`, [
            instance.id,
            effect.nodeId ?? null,
            effect.code,
            effect.message,
          ]);
          await manager.query(`UPDATE tickets SET status = 'incident', updated_at = now() WHERE id = $1`, [instance.ticketId]);
          break;
      }
    }
    return outcome;
  }

  private async createTask(manager: EntityManager, instance: Pick<LoadedInstance, 'id' | 'ticketId'>, effect: Extract<Effect, { type: 'task.create' }>): Promise<void> {
    const assignment = effect.kind === 'task' ? await assignTask(manager, effect.nodeId, effect.assignee) : await approvalCandidates(manager, effect.approvers);
    await manager.query(
      `INSERT INTO tasks (instance_id, ticket_id, task_key, node_id, kind, name, candidate_role, candidate_users, assignee_id,
                          policy, outcomes, form, allow_requester)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [
        instance.id,
        instance.ticketId,
        effect.taskKey,
        effect.nodeId,
        effect.kind,
        effect.name,
        assignment.candidateRole,
        assignment.candidateUsers,
        assignment.assigneeId,
        effect.kind === 'approval' ? JSON.stringify(effect.policy) : null,
        effect.kind === 'task' ? effect.outcomes : ['approved', 'rejected'],
        effect.kind === 'task' && effect.form ? JSON.stringify(effect.form) : null,
        effect.kind === 'approval' ? effect.allowRequester : true,
      ],
    );
  }
}
