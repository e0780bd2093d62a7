import type { EntityManager } from 'typeorm';
import type { FieldDefinition } from '@ticketflow/definition';
import type { NewNotification } from '../notifications/notifier.js';
import { checkFieldValues } from '../tickets/field-values.js';
import type { RuleAction } from './rule.types.js';
import type { RuleTicket } from './ticket-facts.js';

/** What one action did, as the timeline shows it. */
export type ActionResult = RuleAction & {
  result: 'applied' | 'unchanged' | 'skipped';
  note?: string;
  recipients?: string[];
  from?: unknown;
};

/** A notification a rule asks for: its recipients and content. */
export interface RuleNotification {
  userIds: string[];
  notification: NewNotification;
}

/**
 * Applies a fired rule's actions to the ticket's working copy, in order, and
 * returns what each did plus the notifications to write. Changes only
 * `ticket` (the caller writes it with the step); reads the directory for a
 * notification's recipients.
 */
export async function applyRuleActions(
  manager: EntityManager,
  ticket: RuleTicket,
  fieldDefs: FieldDefinition[],
  actions: RuleAction[],
  firing: { ruleId: string; ruleName: string; eventId: string },
): Promise<{ results: ActionResult[]; notifications: RuleNotification[] }> {
  const results: ActionResult[] = [];
  const notifications: RuleNotification[] = [];
  for (const [index, action] of actions.entries())
    results.push(await applyOne(manager, ticket, fieldDefs, action, { ...firing, index }, notifications));
  return { results, notifications };
}

async function applyOne(
  manager: EntityManager,
  ticket: RuleTicket,
  fieldDefs: FieldDefinition[],
  action: RuleAction,
  firing: { ruleId: string; ruleName: string; eventId: string; index: number },
  notifications: RuleNotification[],
): Promise<ActionResult> {
  switch (action.type) {
    case 'set-workflow':
      return action.workflowKey === ticket.workflowKey
        ? { ...action, result: 'applied', note: 'the ticket was routed to this workflow' }
        : {
            ...action,
            result: 'skipped',
            note: `the ticket was created on "${ticket.workflowKey}" by its creator`,
          };
    case 'set-priority':
      if (ticket.priority === action.priority) return { ...action, result: 'unchanged' };
      ticket.priority = action.priority;
      return { ...action, result: 'applied' };
    case 'add-tag':
      if (ticket.tags.includes(action.tag)) return { ...action, result: 'unchanged' };
      ticket.tags = [...ticket.tags, action.tag];
      return { ...action, result: 'applied' };
    case 'set-assignee-group':
      if (ticket.assigneeGroup === action.group) return { ...action, result: 'unchanged' };
      ticket.assigneeGroup = action.group;
      return { ...action, result: 'applied' };
    case 'set-field': {
      const problems = checkFieldValues(fieldDefs, { [action.field]: action.value }, { partial: true });
      if (problems.length > 0)
        return { ...action, result: 'skipped', note: problems.map((p) => p.message).join('; ') };
      const from = ticket.fields[action.field] ?? null;
      if (JSON.stringify(from) === JSON.stringify(action.value)) return { ...action, result: 'unchanged' };
      ticket.fields = { ...ticket.fields, [action.field]: action.value };
      return { ...action, result: 'applied', from };
    }
    case 'notify': {
      const people = await recipientsOf(manager, ticket, action.to);
      if (people.length === 0)
        return { ...action, result: 'skipped', recipients: [], note: 'nobody to notify' };
      notifications.push({
        userIds: people.map((p) => p.id),
        notification: {
          ticketId: ticket.id,
          kind: 'rule',
          title: action.message.slice(0, 300),
          body: `Rule "${firing.ruleName}"`,
          dedupeKey: `rule:${firing.ruleId}:${ticket.id}:${firing.eventId}:${firing.index}`,
        },
      });
      return { ...action, result: 'applied', recipients: people.map((p) => p.username) };
    }
  }
}

async function recipientsOf(
  manager: EntityManager,
  ticket: RuleTicket,
  to: Extract<RuleAction, { type: 'notify' }>['to'],
): Promise<{ id: string; username: string }[]> {
  return (await manager.query(
    `SELECT id, username FROM users WHERE active AND (($1::text IS NOT NULL AND $1 = ANY(roles)) OR username = $2 OR ($3 AND id = $4)) ORDER BY username LIMIT 200`,
    ['role' in to ? to.role : null, 'user' in to ? to.user : null, 'requester' in to, ticket.requesterId],
  )) as { id: string; username: string }[];
}
