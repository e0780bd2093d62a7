import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { UnitOfWork } from '../common/context/transaction-runner.js';
import { JsonLogger } from '../common/logging/json-logger.js';
import { EngineEvents } from '../engine/engine-events.js';
import { matchRules } from './match-rules.js';
import { applyRuleActions } from './rule-actions.js';
import { appendRuleTransition, loadRules, lockRuleTicket } from './rule-store.js';
import type { RuleTrigger, TicketHappening } from './rule.types.js';
import { ticketFacts, type RuleTicket } from './ticket-facts.js';

/**
 * Runs automation rules on ticket happenings. `ticket.created` runs inside the
 * creating transaction; step entries and field changes are found after each
 * committed instance change by comparing with a per-ticket cursor; SLA
 * warnings come from the SLA module. Each (rule, ticket, happening) fires at
 * most once (`rule_firings` primary key), and each firing is a `rule` entry
 * on the ticket's transitions. Changes made by rules do not trigger rules.
 */
@Injectable()
export class AutomationService implements OnModuleInit, OnModuleDestroy {
  private unsubscribe?: () => void;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly logger = new JsonLogger('warn');

  constructor(
    private readonly dataSource: DataSource,
    private readonly events: EngineEvents,
  ) {}

  onModuleInit(): void {
    this.unsubscribe = this.events.subscribe((change) => this.track(this.catchUp(change.ticketId)));
  }

  async onModuleDestroy(): Promise<void> {
    this.unsubscribe?.();
    await Promise.allSettled([...this.inFlight]);
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
   * Runs `ticket.created` rules in the ticket's creating transaction (after its
   * instance started) and places the cursor before the first step, so the
   * steps entered at creation are seen once it commits.
   */
  async onTicketCreated(uow: UnitOfWork, ticketId: string): Promise<void> {
    const { ticket } = await this.fire(uow.manager, ticketId, [{ trigger: 'ticket.created', eventId: 'created', facts: {} }]);
    await uow.manager.query(`INSERT INTO automation_cursors (ticket_id, seq, fields) VALUES ($1, 0, $2) ON CONFLICT DO NOTHING`, [ticketId, JSON.stringify(ticket.fields)]);
  }

  /**
   * Runs `sla.warning` rules for one warning (`warningId` unique per ticket and
   * clock). Pass the SLA worker's transaction manager, or none for a new one.
   */
  async onSlaWarning(input: { ticketId: string; clock: string; warningId: string }, manager?: EntityManager): Promise<void> {
    const happening: TicketHappening = { trigger: 'sla.warning', eventId: `sla:${input.clock}:${input.warningId}`, facts: { 'event.sla': input.clock } };
    if (manager) await this.fire(manager, input.ticketId, [happening]);
    else await this.dataSource.transaction((tx) => this.fire(tx, input.ticketId, [happening]));
  }

  /**
   * Finds what happened to a ticket since its cursor — steps entered
   * (transitions other than rule entries) and fields whose value changed — and
   * fires the matching rules, then moves the cursor. Own transaction; safe to
   * repeat (the cursor and `rule_firings` make a second run a no-op).
   */
  async catchUp(ticketId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const locked = await lockRuleTicket(manager, ticketId);
      const [cursor] = (await manager.query('SELECT seq, fields, changes FROM automation_cursors WHERE ticket_id = $1', [ticketId])) as {
        seq: number; fields: Record<string, unknown>; changes: number;
      }[];
      if (!cursor) {
        // A ticket from before automation existed: start watching from now, without replaying its past.
        await manager.query('INSERT INTO automation_cursors (ticket_id, seq, fields) VALUES ($1, $2, $3)', [ticketId, locked.seq, JSON.stringify(locked.ticket.fields)]);
        return;
      }
      const steps = (await manager.query(
        `SELECT seq, to_node FROM transitions WHERE instance_id = $1 AND seq > $2 AND event <> 'rule' AND to_node IS NOT NULL
            AND to_node IS DISTINCT FROM from_node ORDER BY seq`,
        [locked.ticket.instanceId, cursor.seq],
      )) as { seq: number; to_node: string }[];
      const changed = changedFields(cursor.fields, locked.ticket.fields);
      const changes = changed.length > 0 ? cursor.changes + 1 : cursor.changes;
      const happenings: TicketHappening[] = [
        ...steps.map((step) => ({ trigger: 'step.entered' as const, eventId: `step:${step.seq}`, facts: { 'event.nodeId': step.to_node } })),
        ...changed.map((field) => ({ trigger: 'field.changed' as const, eventId: `field:${field}:${changes}`, facts: { 'event.field': field } })),
      ];
      const after = await this.fire(manager, ticketId, happenings, locked);
      await manager.query('UPDATE automation_cursors SET seq = $2, fields = $3, changes = $4 WHERE ticket_id = $1', [ticketId, after.seq, JSON.stringify(after.ticket.fields), changes]);
    });
  }

  /** Fires the rules of each happening in turn on the (locked) ticket. */
  private async fire(
    manager: EntityManager,
    ticketId: string,
    happenings: TicketHappening[],
    locked?: Awaited<ReturnType<typeof lockRuleTicket>>,
  ): Promise<{ ticket: RuleTicket; seq: number }> {
    const state = locked ?? (await lockRuleTicket(manager, ticketId));
    let seq = state.seq;
    const rulesByTrigger = new Map<RuleTrigger, Awaited<ReturnType<typeof loadRules>>>();
    for (const happening of happenings) {
      if (!rulesByTrigger.has(happening.trigger)) rulesByTrigger.set(happening.trigger, await loadRules(manager, happening.trigger));
      const rules = rulesByTrigger.get(happening.trigger) ?? [];
      if (rules.length === 0) continue;
      const matches = await matchRules(rules, happening.trigger, ticketFacts(state.ticket, happening.facts));
      for (const { rule, values } of matches) {
        const claimed = (await manager.query(
          `INSERT INTO rule_firings (rule_id, ticket_id, event_id, trigger, actions) VALUES ($1, $2, $3, $4, '[]') ON CONFLICT DO NOTHING RETURNING rule_id`,
          [rule.id, ticketId, happening.eventId, happening.trigger],
        )) as unknown[];
        if (claimed.length === 0) continue;
        const results = await applyRuleActions(manager, state.ticket, state.definition.fields, rule.actions, { ruleId: rule.id, ruleName: rule.name, eventId: happening.eventId });
        await manager.query('UPDATE rule_firings SET actions = $4 WHERE rule_id = $1 AND ticket_id = $2 AND event_id = $3', [rule.id, ticketId, happening.eventId, JSON.stringify(results)]);
        seq = await appendRuleTransition(manager, state.ticket.instanceId, {
          kind: 'rule', ruleId: rule.id, rule: rule.name, trigger: happening.trigger, eventId: happening.eventId, facts: happening.facts, values, actions: results,
        });
      }
    }
    return { ticket: state.ticket, seq };
  }

  private track(work: Promise<void>): void {
    const guarded = work.catch((error: unknown) => {
      this.logger.warn('automation rules could not run; they will catch up on the next change', { error: error instanceof Error ? error.message : String(error) });
    });
    this.inFlight.add(guarded);
    void guarded.finally(() => this.inFlight.delete(guarded));
  }
}

/** Names of fields whose JSON value differs between two versions of a ticket's fields. Pure. */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter((name) => JSON.stringify(before[name]) !== JSON.stringify(after[name])).sort();
}
