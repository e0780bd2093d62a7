import type { Condition } from '@ticketflow/definition';

/** Mirrors apps/api/src/automation/rule.types.ts (the web app does not import the API). */
export const RULE_TRIGGERS = ['ticket.created', 'field.changed', 'step.entered', 'sla.warning'] as const;
export type RuleTrigger = (typeof RULE_TRIGGERS)[number];

export const TICKET_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];

export const TICKET_CHANNELS = ['web', 'email', 'phone', 'wechat', 'app', 'api'] as const;

export type NotifyTarget = { role: string } | { user: string } | { requester: true };

export type RuleAction =
  | { type: 'set-workflow'; workflowKey: string }
  | { type: 'set-priority'; priority: TicketPriority }
  | { type: 'add-tag'; tag: string }
  | { type: 'set-assignee-group'; group: string }
  | { type: 'set-field'; field: string; value: unknown }
  | { type: 'notify'; to: NotifyTarget; message: string };

export type RuleActionType = RuleAction['type'];
export const RULE_ACTION_TYPES: readonly RuleActionType[] = [
  'set-workflow',
  'set-priority',
  'add-tag',
  'set-assignee-group',
  'set-field',
  'notify',
];

export interface AutomationRule {
  id: string;
  name: string;
  /** Lower runs first; ties by name. */
  position: number;
  trigger: RuleTrigger;
  condition: Condition | null;
  actions: RuleAction[];
  stopProcessing: boolean;
  enabled: boolean;
}

/** What POST /rules and PUT /rules/:id accept. */
export type RuleBody = Omit<AutomationRule, 'id'>;
