import type { EntityManager } from 'typeorm';
import type { WorkflowDefinition } from '@ticketflow/definition';
import { notFound } from '../common/errors/domain-error.js';
import type { AutomationRule, RuleTrigger } from './rule.types.js';
import type { RuleTicket } from './ticket-facts.js';

interface RuleRow {
  id: string;
  name: string;
  position: number;
  trigger: RuleTrigger;
  condition: AutomationRule['condition'];
  actions: AutomationRule['actions'];
  stop_processing: boolean;
  enabled: boolean;
}

export const RULE_COLUMNS = 'id, name, position, trigger, condition, actions, stop_processing, enabled';

/** A rule row as the API shows it. Pure. */
export function toRule(row: RuleRow): AutomationRule {
  return { id: row.id, name: row.name, position: row.position, trigger: row.trigger, condition: row.condition, actions: row.actions, stopProcessing: row.stop_processing, enabled: row.enabled };
}

/** Enabled rules of one trigger, in evaluation order. Reads only. */
export async function loadRules(manager: EntityManager, trigger: RuleTrigger): Promise<AutomationRule[]> {
  const rows = (await manager.query(`SELECT ${RULE_COLUMNS} FROM automation_rules WHERE enabled AND trigger = $1 ORDER BY position, name, id`, [trigger])) as RuleRow[];
  return rows.map(toRule);
}

/**
 * Loads a ticket with its instance and definition and locks both rows (the
 * engine's lock order: instance, then ticket), so rule actions and timeline
 * entries serialise with workflow events on the same ticket.
 */
export async function lockRuleTicket(manager: EntityManager, ticketId: string): Promise<{ ticket: RuleTicket; seq: number; definition: WorkflowDefinition }> {
  const [row] = (await manager.query(
    `SELECT t.id, i.id AS instance_id, i.seq, t.workflow_key, t.fields, t.priority, t.channel, t.tags, t.assignee_group, t.requester_id, v.definition
       FROM instances i JOIN tickets t ON t.id = i.ticket_id JOIN workflow_versions v ON v.id = i.version_id
      WHERE i.ticket_id = $1 FOR UPDATE OF i, t`,
    [ticketId],
  )) as {
    id: string; instance_id: string; seq: number; workflow_key: string; fields: Record<string, unknown>; priority: string; channel: string;
    tags: string[]; assignee_group: string | null; requester_id: string; definition: WorkflowDefinition;
  }[];
  if (!row) throw notFound('Ticket', ticketId);
  return {
    ticket: {
      id: row.id, instanceId: row.instance_id, workflowKey: row.workflow_key, fields: row.fields, priority: row.priority, channel: row.channel,
      tags: row.tags, assigneeGroup: row.assignee_group, requesterId: row.requester_id,
    },
    seq: row.seq,
    definition: row.definition,
  };
}

/**
 * Appends a `rule` entry to the ticket's transitions (its timeline) under the
 * lock: bumps the instance's seq and inserts at the new number. Side effect:
 * two writes in the caller's transaction.
 */
export async function appendRuleTransition(manager: EntityManager, instanceId: string, detail: Record<string, unknown>): Promise<number> {
  // TypeORM answers an UPDATE with [rows, affected].
  const [rows] = (await manager.query('UPDATE instances SET seq = seq + 1 WHERE id = $1 RETURNING seq', [instanceId])) as [{ seq: number }[], number];
  const seq = rows[0]?.seq;
  if (seq === undefined) throw new Error(`instance ${instanceId} vanished while recording a rule firing`);
  await manager.query(
    `INSERT INTO transitions (instance_id, seq, event, from_node, to_node, actor_id, payload, at) VALUES ($1, $2, 'rule', NULL, NULL, NULL, $3, clock_timestamp())`,
    [instanceId, seq, JSON.stringify(detail)],
  );
  return seq;
}
