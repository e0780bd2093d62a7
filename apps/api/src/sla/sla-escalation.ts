import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { UnitOfWork } from '../common/context/transaction-runner.js';
import { AutomationService } from '../automation/automation.service.js';
import { DomainError } from '../common/errors/domain-error.js';
import { EngineService, type LoadedInstance } from '../engine/engine.service.js';
import { TimerScheduler } from '../engine/workers/timer-scheduler.js';
import { notifyUsers, openTaskPeople, usersWithRole } from '../notifications/notifier.js';
import type { ClockKind, ClockRow } from './sla-clocks.js';

export const BREACH_ACTIONS = ['notify', 'reassign', 'timeout'] as const;
export type BreachAction = (typeof BREACH_ACTIONS)[number];

/**
 * What happens when an SLA timer fires (registered with the timer scheduler
 * for `sla-` timers; runs in the scheduler's transaction with the instance
 * locked): a warning notifies the people on the open tasks and runs the
 * `sla.warning` rules; a breach marks the clock breached and escalates —
 * notify (the people on the tasks plus the escalation role), reassign the
 * open tasks to the escalation role, or fire the active step's own timeout.
 * Task and timer rows are written through the engine.
 */
@Injectable()
export class SlaEscalation implements OnModuleInit {
  private readonly logger = new Logger('SlaEscalation');

  constructor(
    private readonly engine: EngineService,
    private readonly automation: AutomationService,
    private readonly scheduler: TimerScheduler,
  ) {}

  onModuleInit(): void {
    this.scheduler.registerHandler('sla-', (uow, instance, timerKey) => this.handle(uow, instance, timerKey));
  }

  /** Handles timer `sla:<kind>:<warning|breach>`. Side effects: clock, notification, task rows; possibly a step. */
  async handle(uow: UnitOfWork, instance: LoadedInstance, timerKey: string): Promise<void> {
    const [, kind, purpose] = timerKey.split(':') as [string, ClockKind, 'warning' | 'breach'];
    const { manager } = uow;
    const [clock] = (await manager.query(
      `SELECT * FROM sla_clocks WHERE ticket_id = $1 AND kind = $2 FOR UPDATE`,
      [instance.ticketId, kind],
    )) as ClockRow[];
    if (!clock || clock.stopped_at || !clock.running_since) return;
    const label = `#${instance.ticket.number} ${instance.ticket.title}`.trim();
    const people = await openTaskPeople(manager, instance.ticketId);
    if (purpose === 'warning') {
      await manager.query(`UPDATE sla_clocks SET warned_at = now() WHERE ticket_id = $1 AND kind = $2`, [
        instance.ticketId,
        kind,
      ]);
      await notifyUsers(manager, people, {
        ticketId: instance.ticketId,
        kind: 'sla-warning',
        title: `${kind} SLA due soon: ${label}`,
        body: `Due at ${new Date(clock.due_at ?? Date.now()).toISOString()}.`,
        dedupeKey: `sla-warning:${instance.ticketId}:${kind}`,
      });
      // Automation rules with the sla.warning trigger (once per clock start).
      await this.automation.onSlaWarning(uow, instance, {
        clock: kind,
        warningId: new Date(clock.started_at).toISOString(),
      });
      return;
    }
    await manager.query(
      `UPDATE sla_clocks SET breached_at = now(), status = 'breached' WHERE ticket_id = $1 AND kind = $2`,
      [instance.ticketId, kind],
    );
    const escalation = clock.escalation_role ? await usersWithRole(manager, clock.escalation_role) : [];
    const action = clock.breach_action as BreachAction;
    if (action === 'reassign' && clock.escalation_role) {
      const role = clock.escalation_role;
      await this.engine.touch(uow, instance, {
        extend: (plan) => plan.reassignOpenTasks(instance.ticketId, role),
      });
    } else if (action === 'timeout' && instance.status === 'active') {
      await this.fireStepTimeouts(uow, instance);
    }
    await notifyUsers(manager, [...people, ...escalation], {
      ticketId: instance.ticketId,
      kind: 'sla-breach',
      title: `${kind} SLA breached: ${label}`,
      body:
        action === 'reassign' && clock.escalation_role
          ? `Open steps were reassigned to ${clock.escalation_role}.`
          : `The ${kind} target of ${clock.target_minutes} minutes has passed.`,
      dedupeKey: `sla-breach:${instance.ticketId}:${kind}`,
    });
  }

  /** Fires the open step's timeout now, so the flow follows its `timeout` edge. */
  private async fireStepTimeouts(uow: UnitOfWork, instance: LoadedInstance): Promise<void> {
    const [timer] = (await uow.manager.query(
      `SELECT timer_key FROM timers WHERE instance_id = $1 AND purpose = 'timeout' AND status = 'scheduled' ORDER BY due_at LIMIT 1`,
      [instance.id],
    )) as { timer_key: string }[];
    if (!timer) return;
    try {
      await this.engine.apply(uow, instance, { type: 'timer.fire', timerKey: timer.timer_key }, null, {
        extend: (plan) => plan.changeTimer(instance.id, timer.timer_key, { kind: 'fired' }),
      });
    } catch (error) {
      if (!(error instanceof DomainError && error.status === 409)) throw error;
      this.logger.warn(`SLA escalation could not fire ${timer.timer_key}: ${error.message}`);
    }
  }
}
