import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { WorkflowDefinition } from '@ticketflow/definition';
import type { UnitOfWork } from '../common/context/transaction-runner.js';
import { EngineConfig } from '../engine/engine-config.js';
import { EngineService, type LoadedInstance } from '../engine/engine.service.js';
import { StepObservers, type StepContext, type StepTicket } from '../engine/step-observers.js';
import { notificationInsertSql } from '../notifications/notifier.js';
import { matchRules } from './match-rules.js';
import { applyRuleActions } from './rule-actions.js';
import { loadRules } from './rule-store.js';
import type { AutomationRule, TicketHappening } from './rule.types.js';
import { ticketFacts, type RuleTicket } from './ticket-facts.js';

const RULES = 'automation-rules';

/** What firing rules produced: timeline entries and rows for the step's statement. */
interface Firings {
  entries: { event: 'rule'; payload: Record<string, unknown> }[];
  parts: ((p: (value: unknown, cast?: string) => string) => string)[];
}

/**
 * Automation rules, run inside the event's own transaction as an
 * in-transaction observer of the engine: `ticket.created` when a ticket
 * starts, `step.entered` for each node the step entered, `field.changed` for
 * each field it changed; SLA warnings come from the SLA module. Each firing
 * is a `rule` entry on the ticket's timeline and a `rule_firings` row (unique
 * per rule, ticket and happening), written with the step; changes made by
 * rules do not trigger rules. The enabled rules are cached with the engine's
 * configuration, so a workflow without rules pays no statement for them.
 */
@Injectable()
export class AutomationService implements OnModuleInit {
  constructor(
    private readonly observers: StepObservers,
    private readonly config: EngineConfig,
    private readonly engine: EngineService,
  ) {}

  onModuleInit(): void {
    this.config.register(RULES, (manager) => loadRules(manager));
    this.observers.register({ name: 'automation', onStep: (step) => this.onStep(step) });
  }

  /**
   * Intake routing: the workflow named by the first matching `ticket.created`
   * rule with a set-workflow action (order and stop-at-first-match as
   * always). Reads rules; writes nothing.
   */
  async chooseWorkflow(manager: EntityManager, facts: Record<string, unknown>): Promise<string | undefined> {
    const matches = await matchRules(await loadRules(manager, 'ticket.created'), 'ticket.created', facts);
    for (const { rule } of matches) {
      const action = rule.actions.find((a) => a.type === 'set-workflow');
      if (action?.type === 'set-workflow') return action.workflowKey;
    }
    return undefined;
  }

  /**
   * Runs `sla.warning` rules for one warning (`warningId` unique per ticket and
   * clock) in the SLA timer's transaction, on the locked instance.
   */
  async onSlaWarning(
    uow: UnitOfWork,
    instance: LoadedInstance,
    input: { clock: string; warningId: string },
  ): Promise<void> {
    const happening: TicketHappening = {
      trigger: 'sla.warning',
      eventId: `sla:${input.clock}:${input.warningId}`,
      facts: { 'event.sla': input.clock },
    };
    const candidates = this.config
      .get<AutomationRule[]>(RULES)
      .filter((rule) => rule.trigger === 'sla.warning');
    if (candidates.length === 0) return;
    // A retried warning (the timer's transaction ran again) fires nothing twice.
    const done = (await uow.manager.query(
      'SELECT rule_id FROM rule_firings WHERE ticket_id = $1 AND event_id = $2',
      [instance.ticketId, happening.eventId],
    )) as { rule_id: string }[];
    const rules = candidates.filter((rule) => !done.some((row) => row.rule_id === rule.id));
    const ticket = ruleTicket(instance.ticket, instance.id);
    const fired = await this.fire(uow.manager, rules, ticket, instance.definition, [happening]);
    if (fired.entries.length === 0) return;
    await this.engine.touch(uow, instance, {
      tasksChanged: false,
      entries: fired.entries,
      ticket: {
        fields: ticket.fields,
        priority: ticket.priority,
        tags: ticket.tags,
        assigneeGroup: ticket.assigneeGroup,
      },
      extend: (plan) => fired.parts.forEach((part) => plan.addExtra(part)),
    });
  }

  private async onStep(step: StepContext): Promise<void> {
    const rules = step.config.get<AutomationRule[]>(RULES);
    if (rules.length === 0) return;
    const happenings = happeningsOf(step);
    if (happenings.length === 0) return;
    const ticket = ruleTicket(step.ticket, step.instanceId);
    const fired = await this.fire(step.manager, rules, ticket, step.definition, happenings);
    for (const entry of fired.entries) step.appendTransition(entry.event, entry.payload);
    for (const part of fired.parts) step.plan.addExtra(part);
    step.changeTicket({
      fields: ticket.fields,
      priority: ticket.priority,
      tags: ticket.tags,
      assigneeGroup: ticket.assigneeGroup,
    });
  }

  /** Fires the rules of each happening in turn on the ticket's working copy. */
  private async fire(
    manager: EntityManager,
    rules: AutomationRule[],
    ticket: RuleTicket,
    definition: WorkflowDefinition,
    happenings: TicketHappening[],
  ): Promise<Firings> {
    const fired: Firings = { entries: [], parts: [] };
    for (const happening of happenings) {
      const matches = await matchRules(rules, happening.trigger, ticketFacts(ticket, happening.facts));
      for (const { rule, values } of matches) {
        const { results, notifications } = await applyRuleActions(
          manager,
          ticket,
          definition.fields,
          rule.actions,
          { ruleId: rule.id, ruleName: rule.name, eventId: happening.eventId },
        );
        fired.parts.push(
          (
            p,
          ) => `INSERT INTO rule_firings (rule_id, ticket_id, event_id, trigger, actions) VALUES (${p(rule.id)}, ${p(ticket.id)}, ${p(happening.eventId)},
          ${p(happening.trigger)}, ${p(JSON.stringify(results))}) ON CONFLICT DO NOTHING RETURNING rule_id`,
        );
        for (const { userIds, notification } of notifications)
          fired.parts.push((p) => notificationInsertSql(userIds, notification, p));
        fired.entries.push({
          event: 'rule',
          payload: {
            kind: 'rule',
            ruleId: rule.id,
            rule: rule.name,
            trigger: happening.trigger,
            eventId: happening.eventId,
            facts: happening.facts,
            values,
            actions: results,
          },
        });
      }
    }
    return fired;
  }
}

/** The happenings of a step: creation, each node entered, each field changed (by the step, not by rules). Pure. */
export function happeningsOf(
  step: Pick<StepContext, 'kind' | 'result' | 'transitionSeqs' | 'ticketBefore'>,
): TicketHappening[] {
  const happenings: TicketHappening[] = [];
  if (step.kind === 'start') happenings.push({ trigger: 'ticket.created', eventId: 'created', facts: {} });
  step.result.transitions.forEach((transition, index) => {
    if (transition.to !== null && transition.to !== transition.from) {
      happenings.push({
        trigger: 'step.entered',
        eventId: `step:${step.transitionSeqs[index]}`,
        facts: { 'event.nodeId': transition.to },
      });
    }
  });
  if (step.kind === 'event') {
    const firstSeq = step.transitionSeqs[0] ?? 0;
    for (const field of changedFields(step.ticketBefore.fields, step.result.fields)) {
      happenings.push({
        trigger: 'field.changed',
        eventId: `field:${field}:${firstSeq}`,
        facts: { 'event.field': field },
      });
    }
  }
  return happenings;
}

/** Names of fields whose JSON value differs between two versions of a ticket's fields. Pure. */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter((name) => JSON.stringify(before[name]) !== JSON.stringify(after[name])).sort();
}

function ruleTicket(ticket: StepTicket, instanceId: string): RuleTicket {
  return {
    id: ticket.id,
    instanceId,
    workflowKey: ticket.workflowKey,
    fields: { ...ticket.fields },
    priority: ticket.priority,
    channel: ticket.channel,
    tags: [...ticket.tags],
    assigneeGroup: ticket.assigneeGroup,
    requesterId: ticket.requesterId,
  };
}
