import type { Condition } from '@ticketflow/definition';

/** What makes rules run. Each happening has an id, so a rule fires at most once per happening. */
export const RULE_TRIGGERS = ['ticket.created', 'field.changed', 'step.entered', 'sla.warning'] as const;
export type RuleTrigger = (typeof RULE_TRIGGERS)[number];

export const TICKET_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;

/** What a rule does when it fires. Applied in order, in the transaction that records the firing. */
export type RuleAction =
  /** Only at creation, and only when the creator did not name a workflow (intake routing). */
  | { type: 'set-workflow'; workflowKey: string }
  | { type: 'set-priority'; priority: (typeof TICKET_PRIORITIES)[number] }
  | { type: 'add-tag'; tag: string }
  | { type: 'set-assignee-group'; group: string }
  | { type: 'set-field'; field: string; value: unknown }
  | { type: 'notify'; to: { role: string } | { user: string } | { requester: true }; message: string };

export const RULE_ACTION_TYPES = [
  'set-workflow',
  'set-priority',
  'add-tag',
  'set-assignee-group',
  'set-field',
  'notify',
] as const;

export interface AutomationRule {
  id: string;
  name: string;
  /** Lower runs first; ties by name. */
  position: number;
  trigger: RuleTrigger;
  /** A json-rules-engine condition over the facts; absent: always matches. */
  condition: Condition | null;
  actions: RuleAction[];
  /** When this rule matches, later rules for the same happening are not evaluated. */
  stopProcessing: boolean;
  enabled: boolean;
}

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
