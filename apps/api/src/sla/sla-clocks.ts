import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { WorkflowDefinition } from '@ticketflow/definition';
import type { StepResult } from '@ticketflow/runtime';
import type { UnitOfWork } from '../common/context/transaction-runner.js';
import type { BusinessCalendar } from '../timers/business-calendar.js';
import { loadBusinessCalendar } from '../timers/calendar-settings.js';
import { type ClockTimes, clockDeadlines, elapsedMs } from './sla-clock-math.js';

export type ClockKind = 'response' | 'resolution';
export type ClockStatus = 'running' | 'paused' | 'met' | 'breached';

export interface ClockRow extends ClockTimes {
  ticket_id: string;
  kind: ClockKind;
  status: ClockStatus;
  pause_while_waiting: boolean;
  breach_action: string;
  escalation_role: string | null;
  started_at: Date;
  due_at: Date | null;
  warned_at: Date | null;
  breached_at: Date | null;
  stopped_at: Date | null;
}

interface Instance {
  id: string;
  ticketId: string;
}

/** Events a human caused: the first one stops the response clock. */
const HUMAN_EVENTS = new Set(['task.complete', 'approval.decide']);

export const slaTimerKey = (kind: ClockKind, purpose: 'warning' | 'breach') => `sla:${kind}:${purpose}`;

/**
 * SLA clocks of tickets, kept in step with the instance inside the engine's
 * transaction: started with the ticket from the matching policy, paused while
 * every active node is a `wait` node (if the policy says so), stopped when a
 * person first acts (response) or the ticket ends (resolution). Each running
 * clock has `sla-warning` / `sla-breach` timer rows that the scheduler fires.
 */
@Injectable()
export class SlaClocks {
  /** Starts the ticket's clocks if a policy matches its workflow and priority. Side effects: clock and timer rows. */
  async onStart(uow: UnitOfWork, instance: Instance, definition: WorkflowDefinition, result: StepResult): Promise<void> {
    const { manager } = uow;
    const [policy] = (await manager.query(
      `SELECT p.* FROM sla_policies p JOIN tickets t ON t.workflow_key = p.workflow_key AND (p.priority IS NULL OR p.priority = t.priority)
        WHERE t.id = $1 ORDER BY p.priority NULLS LAST LIMIT 1`,
      [instance.ticketId],
    )) as { id: string; response_minutes: number | null; resolution_minutes: number | null; business_hours: boolean; warn_before_percent: number; pause_while_waiting: boolean; breach_action: string; escalation_role: string | null }[];
    if (!policy) return;
    const kinds: [ClockKind, number | null][] = [['response', policy.response_minutes], ['resolution', policy.resolution_minutes]];
    for (const [kind, minutes] of kinds) {
      if (minutes === null) continue;
      await manager.query(
        `INSERT INTO sla_clocks (ticket_id, kind, policy_id, target_minutes, business_hours, warn_before_percent, pause_while_waiting, breach_action, escalation_role, running_since)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, now()) ON CONFLICT DO NOTHING`,
        [instance.ticketId, kind, policy.id, minutes, policy.business_hours, policy.warn_before_percent, policy.pause_while_waiting, policy.breach_action, policy.escalation_role],
      );
    }
    await this.onStep(uow, instance, definition, result, true);
  }

  /** Brings the ticket's open clocks up to date after a step. Side effects: clock and timer rows. */
  async onStep(uow: UnitOfWork, instance: Instance, definition: WorkflowDefinition, result: StepResult, fresh = false): Promise<void> {
    const { manager } = uow;
    const clocks = (await manager.query(`SELECT * FROM sla_clocks WHERE ticket_id = $1 AND stopped_at IS NULL FOR UPDATE`, [instance.ticketId])) as ClockRow[];
    if (clocks.length === 0) return;
    const calendar = await loadBusinessCalendar(manager);
    const now = new Date();
    const ended = result.snapshot.status === 'completed' || result.snapshot.status === 'cancelled';
    const responded = result.transitions.some((transition) => HUMAN_EVENTS.has(transition.event));
    const waitNodes = new Set(definition.nodes.filter((node) => node.type === 'wait').map((node) => node.id));
    const active = result.snapshot.activeNodes;
    const waiting = active.length > 0 && active.every((node) => waitNodes.has(node));
    for (const clock of clocks) {
      if (ended || (clock.kind === 'response' && responded)) await this.stop(manager, instance, clock, now, calendar);
      else if (clock.pause_while_waiting && waiting && clock.running_since) await this.pause(manager, instance, clock, now, calendar);
      else if (!waiting || !clock.pause_while_waiting) {
        if (!clock.running_since) await this.resume(manager, instance, clock, now, calendar);
        else if (fresh) await this.schedule(manager, instance, clock, now, calendar);
      }
    }
  }

  private async stop(manager: EntityManager, instance: Instance, clock: ClockRow, now: Date, calendar: BusinessCalendar): Promise<void> {
    await manager.query(
      `UPDATE sla_clocks SET stopped_at = $3, elapsed_before_ms = $4, running_since = NULL, status = CASE WHEN status = 'breached' THEN 'breached' ELSE 'met' END
        WHERE ticket_id = $1 AND kind = $2`,
      [clock.ticket_id, clock.kind, now, Math.round(elapsedMs(clock, now, calendar))],
    );
    await this.cancelTimers(manager, instance, clock.kind);
  }

  private async pause(manager: EntityManager, instance: Instance, clock: ClockRow, now: Date, calendar: BusinessCalendar): Promise<void> {
    await manager.query(
      `UPDATE sla_clocks SET running_since = NULL, elapsed_before_ms = $3, due_at = NULL, status = CASE WHEN status = 'breached' THEN 'breached' ELSE 'paused' END
        WHERE ticket_id = $1 AND kind = $2`,
      [clock.ticket_id, clock.kind, Math.round(elapsedMs(clock, now, calendar))],
    );
    await this.cancelTimers(manager, instance, clock.kind);
  }

  private async resume(manager: EntityManager, instance: Instance, clock: ClockRow, now: Date, calendar: BusinessCalendar): Promise<void> {
    await manager.query(
      `UPDATE sla_clocks SET running_since = $3, status = CASE WHEN status = 'breached' THEN 'breached' ELSE 'running' END WHERE ticket_id = $1 AND kind = $2`,
      [clock.ticket_id, clock.kind, now],
    );
    await this.schedule(manager, instance, { ...clock, running_since: now }, now, calendar);
  }

  /** Writes the clock's due time and (re)schedules its warning and breach timers. */
  private async schedule(manager: EntityManager, instance: Instance, clock: ClockRow, now: Date, calendar: BusinessCalendar): Promise<void> {
    const { dueAt, warnAt } = clockDeadlines(clock, elapsedMs(clock, now, calendar), now, calendar);
    await manager.query(`UPDATE sla_clocks SET due_at = $3 WHERE ticket_id = $1 AND kind = $2`, [clock.ticket_id, clock.kind, dueAt]);
    if (clock.breached_at) return;
    const timers: [string, string, Date][] = [[slaTimerKey(clock.kind, 'breach'), 'sla-breach', dueAt]];
    if (warnAt && !clock.warned_at) timers.push([slaTimerKey(clock.kind, 'warning'), 'sla-warning', warnAt]);
    for (const [key, purpose, at] of timers) {
      await manager.query(
        `INSERT INTO timers (instance_id, timer_key, node_id, purpose, due_at) VALUES ($1, $2, NULL, $3, $4)
         ON CONFLICT (instance_id, timer_key) DO UPDATE SET due_at = EXCLUDED.due_at, status = 'scheduled', fired_at = NULL, claimed_until = NULL, attempts = 0`,
        [instance.id, key, purpose, at],
      );
    }
  }

  private async cancelTimers(manager: EntityManager, instance: Instance, kind: ClockKind): Promise<void> {
    await manager.query(`UPDATE timers SET status = 'cancelled' WHERE instance_id = $1 AND timer_key = ANY($2) AND status = 'scheduled'`, [
      instance.id,
      [slaTimerKey(kind, 'warning'), slaTimerKey(kind, 'breach')],
    ]);
  }
}
