import { Type, type Static } from '@sinclair/typebox';
import type { Condition } from '@ticketflow/definition';
import { Closed, Described, Nullable, OneOf, Uuid } from './schema-builders.js';
import { PrioritySchema } from './tickets.contract.js';

/** What makes automation rules run. Each happening has an id, so a rule fires at most once per happening. */
export const RULE_TRIGGERS = ['ticket.created', 'field.changed', 'step.entered', 'sla.warning'] as const;
export type RuleTrigger = (typeof RULE_TRIGGERS)[number];

export const RULE_ACTION_TYPES = [
  'set-workflow',
  'set-priority',
  'add-tag',
  'set-assignee-group',
  'set-field',
  'notify',
] as const;

/** Who a `notify` action writes to. */
export const NotifyTargetSchema = Type.Union([
  Closed({ role: Type.String() }),
  Closed({ user: Type.String() }),
  Closed({ requester: Type.Literal(true) }),
]);
export type NotifyTarget = Static<typeof NotifyTargetSchema>;

/** What a rule does when it fires; applied in order, in the transaction that records the firing. */
export const RuleActionSchema = Type.Union([
  Closed(
    { type: Type.Literal('set-workflow'), workflowKey: Type.String() },
    'Only at creation, when no workflow was named',
  ),
  Closed({ type: Type.Literal('set-priority'), priority: PrioritySchema }),
  Closed({ type: Type.Literal('add-tag'), tag: Type.String() }),
  Closed({ type: Type.Literal('set-assignee-group'), group: Type.String() }),
  Closed({ type: Type.Literal('set-field'), field: Type.String(), value: Type.Unknown() }),
  Closed({ type: Type.Literal('notify'), to: NotifyTargetSchema, message: Type.String() }),
]);
export type RuleAction = Static<typeof RuleActionSchema>;
export type RuleActionType = RuleAction['type'];

const ruleFields = {
  name: Type.String(),
  position: Type.Integer({ description: 'Lower runs first; ties by name' }),
  trigger: OneOf(RULE_TRIGGERS),
  condition: Nullable(Described<Condition>('A condition over the ticket facts; null: always matches')),
  actions: Type.Array(RuleActionSchema),
  stopProcessing: Type.Boolean({
    description: 'When it matches, later rules for the same happening are skipped',
  }),
  enabled: Type.Boolean(),
};

/** An automation rule (`GET /api/rules`, `GET /api/rules/:id`). */
export const AutomationRuleSchema = Closed({ id: Uuid(), ...ruleFields });
export type AutomationRule = Static<typeof AutomationRuleSchema>;

/** A rule without its id: what the web app's rule form edits and sends. */
export const RuleBodySchema = Closed(ruleFields);
export type RuleBody = Static<typeof RuleBodySchema>;

/**
 * What `POST /api/rules` and `PUT /api/rules/:id` accept: position (0), condition (none: always),
 * stopProcessing (false) and enabled (true) may be left out.
 */
export const RuleRequestSchema = Closed({
  ...ruleFields,
  position: Type.Optional(ruleFields.position),
  condition: Type.Optional(ruleFields.condition),
  stopProcessing: Type.Optional(ruleFields.stopProcessing),
  enabled: Type.Optional(ruleFields.enabled),
});
export type RuleRequest = Static<typeof RuleRequestSchema>;
