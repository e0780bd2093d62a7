import { api } from '../http/api-client';
import type { AutomationRule, RuleBody, VersionRow, WorkflowSummary } from '@ticketflow/contract';

/** Typed calls for the Rules page. Each performs one HTTP request. */
export const rulesApi = {
  list: () => api.get<AutomationRule[]>('/rules'),
  create: (body: RuleBody) => api.post<AutomationRule>('/rules', body),
  replace: (id: string, body: RuleBody) => api.put<AutomationRule>(`/rules/${encodeURIComponent(id)}`, body),
  remove: (id: string) => api.del<void>(`/rules/${encodeURIComponent(id)}`),
  workflows: () => api.get<WorkflowSummary[]>('/workflows'),
  version: (key: string, version: number) =>
    api.get<VersionRow>(`/workflows/${encodeURIComponent(key)}/versions/${version}`),
};

/** The body to send for a rule as listed (the API rejects an `id` in the body). */
export function bodyOf(rule: AutomationRule): RuleBody {
  return {
    name: rule.name,
    position: rule.position,
    trigger: rule.trigger,
    condition: rule.condition,
    actions: rule.actions,
    stopProcessing: rule.stopProcessing,
    enabled: rule.enabled,
  };
}
