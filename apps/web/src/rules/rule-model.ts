import type { Condition, FieldDefinition } from '@ticketflow/definition';
import {
  type AutomationRule,
  CHANNELS,
  PRIORITIES,
  type RuleAction,
  type RuleActionType,
  type RuleBody,
  type RuleTrigger,
} from '@ticketflow/contract';

/**
 * The facts a rule condition may name, as field definitions for the Designer's
 * condition builder: ticket.channel / ticket.priority / ticket.workflowKey, then
 * the fields of the chosen workflow. Pure.
 */
export function ruleFields(
  labels: { channel: string; priority: string; workflowKey: string },
  workflowKeys: string[],
  workflowFields: FieldDefinition[],
): FieldDefinition[] {
  const facts: FieldDefinition[] = [
    { name: 'ticket.channel', type: 'enum', label: labels.channel, options: [...CHANNELS] },
    { name: 'ticket.priority', type: 'enum', label: labels.priority, options: [...PRIORITIES] },
    { name: 'ticket.workflowKey', type: 'enum', label: labels.workflowKey, options: workflowKeys },
  ];
  const taken = new Set(facts.map((f) => f.name));
  return [...facts, ...workflowFields.filter((f) => !taken.has(f.name))];
}

/** An empty condition (a group without children) is sent as null: always matches. Pure. */
export function conditionOrNull(condition: Condition | null | undefined): Condition | null {
  if (!condition) return null;
  if ('all' in condition && condition.all.length === 0) return null;
  if ('any' in condition && condition.any.length === 0) return null;
  return condition;
}

/** A new action of `type` with sensible defaults. Pure. */
export function newAction(type: RuleActionType, workflowKeys: string[]): RuleAction {
  switch (type) {
    case 'set-workflow':
      return { type, workflowKey: workflowKeys[0] ?? '' };
    case 'set-priority':
      return { type, priority: 'high' };
    case 'add-tag':
      return { type, tag: '' };
    case 'set-assignee-group':
      return { type, group: '' };
    case 'set-field':
      return { type, field: '', value: '' };
    case 'notify':
      return { type, to: { requester: true }, message: '' };
  }
}

/** A new rule placed after the existing ones of its trigger. Pure. */
export function newRuleBody(rules: AutomationRule[], trigger: RuleTrigger = 'ticket.created'): RuleBody {
  const last = Math.max(0, ...rules.filter((r) => r.trigger === trigger).map((r) => r.position));
  return {
    name: '',
    position: last + 10,
    trigger,
    condition: null,
    actions: [],
    stopProcessing: false,
    enabled: true,
  };
}

/** Rules by trigger order, then position, then name (the API's evaluation order). Pure. */
export function sortRules(rules: AutomationRule[]): AutomationRule[] {
  const triggerOrder = (t: RuleTrigger) =>
    ['ticket.created', 'field.changed', 'step.entered', 'sla.warning'].indexOf(t);
  return [...rules].sort(
    (a, b) =>
      triggerOrder(a.trigger) - triggerOrder(b.trigger) ||
      a.position - b.position ||
      a.name.localeCompare(b.name),
  );
}

/**
 * Positions that move `id` one place up or down among the rules of its trigger:
 * the two rules swap positions (when equal, the moved one gets one less / more).
 * Returns the changed rules, or [] when it cannot move. Pure.
 */
export function moveRule(rules: AutomationRule[], id: string, direction: -1 | 1): AutomationRule[] {
  const rule = rules.find((r) => r.id === id);
  if (!rule) return [];
  const peers = sortRules(rules.filter((r) => r.trigger === rule.trigger));
  const i = peers.findIndex((r) => r.id === id);
  const other = peers[i + direction];
  if (!other) return [];
  if (other.position === rule.position) {
    return [{ ...rule, position: Math.max(0, rule.position + direction) }];
  }
  return [
    { ...rule, position: other.position },
    { ...other, position: rule.position },
  ];
}
