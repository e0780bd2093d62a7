import { evaluateCondition } from '@ticketflow/rules';
import type { AutomationRule, RuleTrigger } from './rule.types.js';

export interface RuleMatch {
  rule: AutomationRule;
  /** The facts the condition read, for the timeline. */
  values: Record<string, unknown>;
}

/**
 * The rules that match a happening, in order: enabled rules of that trigger by
 * position (then name), each condition evaluated with json-rules-engine
 * through `evaluateCondition`; a matching rule with `stopProcessing` ends the
 * list. Pure apart from the rules library's engine cache.
 */
export async function matchRules(
  rules: AutomationRule[],
  trigger: RuleTrigger,
  facts: Record<string, unknown>,
): Promise<RuleMatch[]> {
  const ordered = rules
    .filter((rule) => rule.enabled && rule.trigger === trigger)
    .sort((a, b) => a.position - b.position || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  const matches: RuleMatch[] = [];
  for (const rule of ordered) {
    const result = rule.condition
      ? await evaluateCondition(rule.condition, facts)
      : { matched: true, values: {} };
    if (!result.matched) continue;
    matches.push({ rule, values: result.values });
    if (rule.stopProcessing) break;
  }
  return matches;
}
