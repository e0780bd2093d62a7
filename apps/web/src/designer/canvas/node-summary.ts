import type { TFunction } from 'i18next';
import type { WorkflowNode } from '@ticketflow/definition';
import { formatDuration } from '../duration/duration-text';
import { directoryRuleSummary } from './directory-rule-summary';

/**
 * The one line a canvas node shows under its name, so a flow reads without
 * opening each step: who does a task, who approves and by which policy, when a
 * timer fires, what a wait or an action waits for or does. Pure.
 */
export function nodeSummary(node: WorkflowNode, t: TFunction, language: string): string | undefined {
  switch (node.type) {
    case 'task':
      return 'user' in node.assignee ? `@${node.assignee.user}` : directoryRuleSummary(node.assignee, t);
    case 'approval': {
      const who = !node.approvers
        ? node.policy?.type === 'groups'
          ? node.policy.groups.map((g) => `${g.count}× ${g.role}`).join(' + ')
          : ''
        : 'field' in node.approvers
          ? `{${node.approvers.field}}`
          : 'users' in node.approvers
            ? node.approvers.users.map((u) => `@${u}`).join(', ')
            : directoryRuleSummary(node.approvers, t);
      const perItem = node.forEach ? ` · ${t('designer.node.perItem', { field: node.forEach })}` : '';
      const policy = node.policy ?? { type: 'any' as const };
      const how =
        policy.type === 'quorum'
          ? t('designer.node.quorum', { count: policy.count })
          : policy.type === 'percent'
            ? t('designer.node.percent', { value: policy.value })
            : t(`designer.node.policy_${policy.type}`);
      const timeout = node.timeout
        ? ` · ${t('designer.node.timeout', { after: formatDuration(node.timeout.after, node.timeout.businessHours, language) })}`
        : '';
      return `${who}${perItem} · ${how}${timeout}`;
    }
    case 'timer':
      return node.after
        ? formatDuration(node.after, node.businessHours, language)
        : node.until
          ? `→ ${node.until}`
          : undefined;
    case 'wait':
      return `✉ ${node.message}`;
    case 'subflow':
      return node.workflowKey ? `⊞ ${node.workflowKey}` : undefined;
    case 'action':
      return node.action.type === 'http'
        ? `${node.action.method} ${hostOf(node.action.url)}`
        : t(`designer.node.action_${node.action.type}`);
    case 'join':
      return node.require ? t('designer.node.joinCount', { count: node.require.count }) : undefined;
    case 'end':
      return node.outcome;
    default:
      return undefined;
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
