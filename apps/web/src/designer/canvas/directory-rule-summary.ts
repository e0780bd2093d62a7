import type { TFunction } from 'i18next';
import type { Approvers, Assignee } from '@ticketflow/definition';

/**
 * "finance", "store-owners · region from store", "manager of the requester
 * (2 up)": who a step goes to, in a few words for the canvas and the
 * simulator. Named users are the caller's. Pure apart from calling `t`.
 */
export function directoryRuleSummary(
  rule: Exclude<Assignee, { user: string }> | Exclude<Approvers, { users: string[] }>,
  t: TFunction,
): string {
  if ('manager' in rule) {
    const whose =
      rule.manager === 'requester'
        ? t('designer.node.managerOfRequester')
        : t('designer.node.managerOfPrevious');
    return rule.levels && rule.levels > 1
      ? `${whose} ${t('designer.node.levelsUp', { count: rule.levels })}`
      : whose;
  }
  if ('field' in rule) return `{${rule.field}}`;
  const name = 'group' in rule ? rule.group : rule.role;
  const { region: fixed, regionField } = rule as { region?: string; regionField?: string };
  const region = regionField
    ? t('designer.node.regionFrom', { field: regionField })
    : fixed
      ? t('designer.node.regionIs', { region: fixed })
      : '';
  return [name, region].filter(Boolean).join(' · ');
}
