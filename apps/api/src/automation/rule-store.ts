import type { EntityManager } from 'typeorm';
import type { AutomationRule, RuleTrigger } from './rule.types.js';

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
  return {
    id: row.id,
    name: row.name,
    position: row.position,
    trigger: row.trigger,
    condition: row.condition,
    actions: row.actions,
    stopProcessing: row.stop_processing,
    enabled: row.enabled,
  };
}

/** Enabled rules of one trigger (or all triggers), in evaluation order. Reads only. */
export async function loadRules(manager: EntityManager, trigger?: RuleTrigger): Promise<AutomationRule[]> {
  const rows = (await manager.query(
    `SELECT ${RULE_COLUMNS} FROM automation_rules WHERE enabled AND ($1::text IS NULL OR trigger = $1) ORDER BY position, name, id`,
    [trigger ?? null],
  )) as RuleRow[];
  return rows.map(toRule);
}
