import type { RuleTrigger } from '@ticketflow/contract';

// The rule format is part of the HTTP contract (GET/POST /api/rules): declared once, in libs/contract.
export {
  PRIORITIES as TICKET_PRIORITIES,
  RULE_ACTION_TYPES,
  RULE_TRIGGERS,
  type AutomationRule,
  type RuleAction,
  type RuleTrigger,
} from '@ticketflow/contract';

/**
 * One happening that rules react to. `eventId` is unique per ticket and trigger:
 * `created`, `step:<seq>`, `field:<name>:<n>`, `sla:<kind>:<id>`.
 */
export interface TicketHappening {
  trigger: RuleTrigger;
  eventId: string;
  /** Extra facts about the happening: `event.nodeId`, `event.field`, `event.sla`. */
  facts: Record<string, unknown>;
}
