import { Injectable, type OnModuleInit } from '@nestjs/common';
import { StepObservers, type StepContext } from '../engine/step-observers.js';

/** Whether the step resolves its ticket (an end node with outcome `resolved`). Pure. */
export function resolvesTicket(step: Pick<StepContext, 'result'>): boolean {
  return step.result.effects.some(
    (effect) => effect.type === 'instance.complete' && effect.outcome === 'resolved',
  );
}

/**
 * Asks the requester of every resolved ticket how it went: an in-transaction
 * observer that adds a `satisfaction_surveys` row to the resolving step's
 * statement (a rolled-back step asks nobody). The agent it is about is the
 * staff member who took the resolving step, else the last one who completed
 * a step of the ticket. The resolved notification the requester already gets
 * carries the one-click links (MailSender) and the ticket page the in-app form.
 */
@Injectable()
export class SatisfactionObserver implements OnModuleInit {
  constructor(private readonly observers: StepObservers) {}

  onModuleInit(): void {
    this.observers.register({ name: 'satisfaction', onStep: (step) => this.onStep(step) });
  }

  private onStep(step: StepContext): void {
    if (!resolvesTicket(step)) return;
    const { ticket } = step;
    const actor = step.actorId && step.actorId !== ticket.requesterId ? step.actorId : null;
    step.plan.addExtra(
      (p) => `INSERT INTO satisfaction_surveys (ticket_id, requester_id, agent_id, asked_at)
      SELECT ${p(ticket.id, 'uuid')}, ${p(ticket.requesterId, 'uuid')},
             coalesce(${p(actor, 'uuid')}, (SELECT k.completed_by FROM tasks k WHERE k.ticket_id = ${p(ticket.id, 'uuid')}
               AND k.completed_by IS NOT NULL AND k.completed_by <> ${p(ticket.requesterId, 'uuid')} ORDER BY k.completed_at DESC LIMIT 1)),
             ${p(step.now, 'timestamptz')}
    ON CONFLICT (ticket_id) DO NOTHING RETURNING id`,
    );
  }
}
