import type { WorkflowDefinition } from '@ticketflow/definition';
import { api } from './api-client';
import type {
  DefinitionBody,
  Directory,
  Draft,
  Template,
  ValidationResult,
  WorkflowSummary,
} from '@ticketflow/contract';

/** Typed calls for the Designer. Each performs one HTTP request. */
export const workflowsApi = {
  list: () => api.get<WorkflowSummary[]>('/workflows'),
  getDraft: (key: string) => api.get<Draft>(`/workflows/${encodeURIComponent(key)}/draft`),
  saveDraft: (key: string, definition: WorkflowDefinition, baseRevision?: number) =>
    api.put<Draft>(`/workflows/${encodeURIComponent(key)}/draft`, { definition, baseRevision }),
  validate: (definition: WorkflowDefinition) =>
    api.post<ValidationResult>('/definitions/validate', { definition } satisfies DefinitionBody),
  templates: () => api.get<Template[]>('/templates'),
  directory: () => api.get<Directory>('/directory'),
};
