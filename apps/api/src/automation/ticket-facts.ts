import type { StepTicket } from '../engine/step-observers.js';

/** The ticket columns rules read, as loaded under the ticket's lock. */
export type RuleTicket = Pick<
  StepTicket,
  'id' | 'workflowKey' | 'fields' | 'priority' | 'channel' | 'tags' | 'assigneeGroup' | 'requesterId'
> & { instanceId: string };

/**
 * The facts a rule condition may name: every ticket field by its name, plus
 * `ticket.channel`, `ticket.priority`, `ticket.workflowKey`, `ticket.tags`,
 * `ticket.assigneeGroup` and the happening's own (`event.nodeId`,
 * `event.field`, `event.sla`). Pure.
 */
export function ticketFacts(
  ticket: Omit<RuleTicket, 'id' | 'instanceId' | 'requesterId'>,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    ...ticket.fields,
    'ticket.channel': ticket.channel,
    'ticket.priority': ticket.priority,
    'ticket.workflowKey': ticket.workflowKey,
    'ticket.tags': ticket.tags,
    'ticket.assigneeGroup': ticket.assigneeGroup,
    ...extra,
  };
}
