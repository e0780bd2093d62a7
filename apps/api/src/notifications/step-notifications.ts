import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/app-config.token.js';
import type { StepPlan } from '../engine/step-plan.js';
import { StepObservers, type StepContext } from '../engine/step-observers.js';

/** One notification a step produces: who gets it (users and/or a role's members) and what it says. */
export interface StepNotice {
  userIds: string[];
  role?: string;
  /** Users who must not get it (the requester of an approval they may not decide). */
  exclude?: string[];
  kind: string;
  title: string;
  body?: string;
  dedupeKey: string;
}

const OUTCOME_KINDS: Record<string, string> = { resolved: 'ticket.resolved', rejected: 'ticket.rejected' };

/**
 * What a step means for people (pure over the step): the approver or
 * assignee of each step that opened is told it is theirs — the requester,
 * when a step is assigned to them, that it needs their input; the requester
 * that their ticket was resolved or rejected, and of every public comment
 * staff wrote with a decision.
 */
export function noticesOf(
  step: Pick<StepContext, 'result' | 'ticket' | 'actorId' | 'instanceId' | 'plan' | 'transitionSeqs'>,
): StepNotice[] {
  const { ticket } = step;
  const label = `#${ticket.number} ${ticket.title}`;
  const notices: StepNotice[] = [];
  for (const effect of step.result.effects) {
    if (effect.type === 'task.create') {
      const row = step.plan.newTaskOf(step.instanceId, effect.nodeId);
      if (!row) continue;
      const people = row.assigneeId ? [row.assigneeId] : row.candidateUsers;
      const role = row.assigneeId ? undefined : (row.candidateRole ?? undefined);
      if (people.length === 1 && people[0] === ticket.requesterId && !role) {
        notices.push({
          userIds: people,
          kind: 'ticket.input-needed',
          title: `Your input is needed on ${label}`,
          body: effect.name,
          dedupeKey: `task:${row.id}`,
        });
        continue;
      }
      notices.push({
        userIds: people,
        ...(role ? { role } : {}),
        ...(row.allowRequester ? {} : { exclude: [ticket.requesterId] }),
        kind: effect.kind === 'approval' ? 'task.approval' : 'task.assigned',
        title: `${effect.name}: ${label}`,
        dedupeKey: `task:${row.id}`,
      });
    }
    if (effect.type === 'instance.complete' && OUTCOME_KINDS[effect.outcome]) {
      notices.push({
        userIds: [ticket.requesterId],
        kind: OUTCOME_KINDS[effect.outcome] as string,
        title: `Your request ${label} was ${effect.outcome}`,
        dedupeKey: `outcome:${ticket.id}`,
      });
    }
  }
  step.result.transitions.forEach((transition, index) => {
    const detail = transition.detail as { comment?: string; visibility?: string } | undefined;
    if (!detail?.comment || detail.visibility !== 'public' || step.actorId === ticket.requesterId) return;
    notices.push({
      userIds: [ticket.requesterId],
      kind: 'ticket.comment',
      title: `New reply on ${label}`,
      body: detail.comment,
      dedupeKey: `comment:${step.instanceId}:${step.transitionSeqs[index] ?? index}`,
    });
  });
  return notices;
}

/** Adds a notice's rows to the step's statement; marks them for e-mail when SMTP is configured and the user has an address. */
export function addNotice(plan: StepPlan, ticketId: string, notice: StepNotice, mail: boolean): void {
  plan.addExtra(
    (
      p,
    ) => `INSERT INTO notifications (user_id, ticket_id, kind, title, body, dedupe_key, email_status, email_next_at)
    SELECT u.id, ${p(ticketId, 'uuid')}, ${p(notice.kind, 'text')}, ${p(notice.title.slice(0, 300), 'text')}, ${p((notice.body ?? '').slice(0, 4000), 'text')}, ${p(notice.dedupeKey, 'text')},
           CASE WHEN ${p(mail, 'boolean')} AND u.email IS NOT NULL THEN 'pending' END, CASE WHEN ${p(mail, 'boolean')} AND u.email IS NOT NULL THEN now() END
      FROM users u
     WHERE u.active AND (u.id = ANY(${p([...new Set(notice.userIds)], 'uuid[]')}) OR (${p(notice.role ?? null, 'text')} IS NOT NULL AND ${p(notice.role ?? null, 'text')} = ANY(u.roles)))
       AND NOT (u.id = ANY(${p(notice.exclude ?? [], 'uuid[]')}))
    ON CONFLICT (user_id, dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING RETURNING id`,
  );
}

/**
 * The in-transaction observer that writes a step's notifications in the
 * step's own statement (so a rolled-back step notifies nobody). E-mails are
 * sent after commit by `MailSender` from the rows marked pending here.
 */
@Injectable()
export class StepNotifications implements OnModuleInit {
  constructor(
    private readonly observers: StepObservers,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.observers.register({ name: 'notifications', onStep: (step) => this.onStep(step) });
  }

  /** Adds one notice to a plan that is not a runtime step (a comment of its own). */
  add(plan: StepPlan, ticketId: string, notice: StepNotice): void {
    addNotice(plan, ticketId, notice, this.config.mail.smtpUrl !== undefined);
  }

  private onStep(step: StepContext): void {
    for (const notice of noticesOf(step)) this.add(step.plan, step.ticket.id, notice);
  }
}
