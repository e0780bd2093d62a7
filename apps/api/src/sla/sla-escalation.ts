import { Injectable, Logger } from '@nestjs/common';
import type { UnitOfWork } from '../common/context/transaction-runner.js';
import { AutomationService } from '../automation/automation.service.js';
import { DomainError } from '../common/errors/domain-error.js';
import { EngineService } from '../engine/engine.service.js';
import type { LoadedInstance } from '../engine/loaded-instance.js';
import { notifyUsers, openTaskPeople, usersWithRole } from '../notifications/notifier.js';
import type { ClockKind, ClockRow } from './sla-clocks.js';

export const BREACH_ACTIONS = ['notify', 'reassign', 'timeout'] as const;
export type BreachAction = (typeof BREACH_ACTIONS)[number];

/**
 * What happens when an SLA timer fires (inside the scheduler's transaction,
 * with the instance locked): a warning notifies the people on the open
 * tasks; a breach marks the clock breached and escalates — notify (the
 * people on the tasks plus the escalation role), reassign the open tasks to
 * the escalation role, or fire the active step's own timeout now.
 */
@Injectable()
export class SlaEscalation {
  private readonly logger = new Logger('SlaEscalation');

  constructor(
    private readonly engine: EngineService,
    private readonly automation: AutomationService,
  ) {}

  /** Handles timer `sla:<kind>:<warning|breach>`. Side effects: clock, notification, task rows; possibly a step. */
  async handle(uow: UnitOfWork, instance: LoadedInstance, timerKey: string): Promise<void> {
    const [, kind, purpose] = timerKey.split(':') as [string, ClockKind, 'warning' | 'breach'];
    const { manager } = uow;
    const [clock] = (await manager.query(`SELECT * FROM sla_clocks WHERE ticket_id = $1 AND kind = $2 FOR UPDATE`, [instance.ticketId, kind])) as ClockRow[];
    if (!clock || clock.stopped_at || !clock.running_since) return;
    const [ticket] = (await manager.query(`SELECT title, number FROM tickets WHERE id = $1`, [instance.ticketId])) as { title: string; number: string }[];
    const label = `#${ticket?.number ?? ''} ${ticket?.title ?? ''}`.trim();
    const people = await openTaskPeople(manager, instance.ticketId);
    if (purpose === 'warning') {
      await manager.query(`UPDATE sla_clocks SET warned_at = now() WHERE ticket_id = $1 AND kind = $2`, [instance.ticketId, kind]);
      await notifyUsers(manager, people, { ticketId: instance.ticketId, kind: 'sla-warning', title: `${kind} SLA due soon: ${label}`, body: `Due at ${new Date(clock.due_at ?? Date.now()).toISOString()}.`, dedupeKey: `sla-warning:${instance.ticketId}:${kind}` });
      // Automation rules with the sla.warning trigger (once per clock start).
      await this.automation.onSlaWarning({ ticketId: instance.ticketId, clock: kind, warningId: new Date(clock.started_at).toISOString() }, manager);
      return;
    }
    await manager.query(`UPDATE sla_clocks SET breached_at = now(), status = 'breached' WHERE ticket_id = $1 AND kind = $2`, [instance.ticketId, kind]);
    const escalation = clock.escalation_role ? await usersWithRole(manager, clock.escalation_role) : [];
    const action = clock.breach_action as BreachAction;
    if (action === 'reassign' && clock.escalation_role) {
      await manager.query(
        `UPDATE tasks SET candidate_role = $2, candidate_users = '{}', assignee_id = NULL WHERE ticket_id = $1 AND status = 'open'`,
        [instance.ticketId, clock.escalation_role],
      );
    } else if (action === 'timeout' && instance.status === 'active') {
      await this.fireStepTimeouts(uow, instance);
    }
    await notifyUsers(manager, [...people, ...escalation], {
      ticketId: instance.ticketId,
      kind: 'sla-breach',
      title: `${kind} SLA breached: ${label}`,
      body: action === 'reassign' && clock.escalation_role ? `Open steps were reassigned to ${clock.escalation_role}.` : `The ${kind} target of ${clock.target_minutes} minutes has passed.`,
      dedupeKey: `sla-breach:${instance.ticketId}:${kind}`,
    });
  }

  /** Fires the open step timeouts now, so the flow follows its `timeout` edges. */
  private async fireStepTimeouts(uow: UnitOfWork, instance: LoadedInstance): Promise<void> {
    const timers = (await uow.manager.query(
      `SELECT id, timer_key FROM timers WHERE instance_id = $1 AND purpose = 'timeout' AND status = 'scheduled' ORDER BY due_at LIMIT 1 FOR UPDATE`,
      [instance.id],
    )) as { id: string; timer_key: string }[];
    for (const timer of timers) {
      await uow.manager.query(`UPDATE timers SET status = 'fired', fired_at = now(), claimed_until = NULL WHERE id = $1`, [timer.id]);
      try {
        await this.engine.apply(uow, instance, { type: 'timer.fire', timerKey: timer.timer_key }, null);
      } catch (error) {
        if (!(error instanceof DomainError && error.kind === 'conflict')) throw error;
        this.logger.warn(`SLA escalation could not fire ${timer.timer_key}: ${error.message}`);
      }
    }
  }
}
