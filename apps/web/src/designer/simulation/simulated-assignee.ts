import type { TFunction } from 'i18next';
import type { FieldValues, WorkflowNode } from '@ticketflow/definition';
import { directoryRuleSummary } from '../canvas/directory-rule-summary';

/**
 * Who a waiting step would go to in the simulation, in words: the rule, with
 * the region the simulated ticket carries ("store-owners · region from region
 * = west") and the fallback if nobody matches. The directory itself is the
 * server's, so people are not looked up here. Pure apart from calling `t`.
 */
export function simulatedAssignee(
  node: WorkflowNode | undefined,
  values: FieldValues,
  t: TFunction,
): string | undefined {
  if (node?.type !== 'task' && node?.type !== 'approval') return undefined;
  const who = node.type === 'task' ? node.assignee : node.approvers;
  if (!who) {
    // A composite (groups) policy names who decides: "2× finance + 1× legal".
    const groups = node.type === 'approval' && node.policy?.type === 'groups' ? node.policy.groups : [];
    return groups.map((g) => `${g.count}× ${g.role}`).join(' + ') || undefined;
  }
  if ('user' in who) return `@${who.user}`;
  if ('users' in who) return who.users.map((u) => `@${u}`).join(', ');
  let text = directoryRuleSummary(who, t);
  const regionField = (who as { regionField?: string }).regionField;
  if (regionField)
    text += ` = ${values[regionField] === undefined || values[regionField] === '' ? '∅' : String(values[regionField])}`;
  const fallback = 'fallback' in who ? who.fallback : undefined;
  if (fallback)
    text += ` · ${t('designer.sim.fallback', {
      to:
        'role' in fallback
          ? fallback.role
          : 'user' in fallback
            ? `@${fallback.user}`
            : t('designer.props.fallbackIncident'),
    })}`;
  return text;
}
