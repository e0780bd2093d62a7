import type { WorkflowDefinition } from '@ticketflow/definition';
import { api } from './api-client';
import type { Directory, Draft, DraftSaved, Problem, Template, WorkflowSummary } from './api.types';

/** Typed calls for the Designer. Each performs one HTTP request. */
export const workflowsApi = {
  list: () => api.get<WorkflowSummary[]>('/workflows'),
  getDraft: (key: string) => api.get<Draft>(`/workflows/${encodeURIComponent(key)}/draft`),
  saveDraft: (key: string, definition: WorkflowDefinition, baseRevision?: number) =>
    api.put<DraftSaved>(`/workflows/${encodeURIComponent(key)}/draft`, { definition, baseRevision }),
  validate: (definition: WorkflowDefinition) =>
    api.post<{ valid: boolean; problems: Problem[] }>('/definitions/validate', { definition }),
  templates: () => api.get<Template[]>('/templates'),
  directory: () => api.get<Directory>('/directory'),
};
