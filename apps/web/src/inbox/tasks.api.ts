import type { FieldValues } from '@ticketflow/definition';
import { api } from '../http/api-client';
import type { Priority } from '../tickets/tickets.api';
import type { AttachmentSummary } from '../attachments/attachments.api';

export type TaskKind = 'task' | 'approval';

/** A step waiting for someone (GET /api/tasks). */
export interface Task {
  id: string;
  ticketId: string;
  ticketTitle: string;
  ticketNumber: number;
  workflowKey: string;
  priority: Priority;
  nodeId: string;
  kind: TaskKind;
  name: string;
  status: 'open' | 'completed' | 'cancelled';
  dueAt?: string;
  outcome?: string;
  comment?: string;
  outcomes: string[];
  /** What the step shows (`read`) and may change (`edit`). */
  form?: FormEntryView[];
  /** Values of the fields the step shows, keyed by name. */
  fields?: FieldValues;
  requester?: { username: string; displayName: string };
  /** The latest comment on the ticket (staff see internal ones too). */
  lastComment?: { text: string; visibility: Visibility; by: string | null; at: string; step: string | null };
  /** The ticket's files, newest first (issue 21). */
  attachments?: AttachmentSummary[];
  policy?: { type: string; count?: number; value?: number };
  role?: string;
  assignee?: string;
  createdAt: string;
  completedAt?: string;
}

export type Visibility = 'internal' | 'public';

export interface FormEntryView {
  field: string;
  /** Absent on tasks from before step forms: an edit. */
  mode?: 'read' | 'edit';
  required?: boolean;
  note?: string;
}

/** What a decision sends besides its outcome. */
export interface DecisionInput {
  comment?: string;
  visibility?: Visibility;
  fields?: FieldValues;
}

const decision = (input: DecisionInput) => ({
  ...(input.comment ? { comment: input.comment, visibility: input.visibility ?? 'internal' } : {}),
  ...(input.fields && Object.keys(input.fields).length > 0 ? { fields: input.fields } : {}),
});

export interface Colleague {
  username: string;
  displayName: string;
}

const path = (id: string, action: string) => `/tasks/${encodeURIComponent(id)}/${action}`;

/** Typed calls for the inbox and task actions. Each performs one HTTP request. */
export const tasksApi = {
  inbox: () => api.get<Task[]>('/tasks'),
  approve: (id: string, input: DecisionInput = {}) => api.post<Task>(path(id, 'approve'), decision(input)),
  reject: (id: string, input: DecisionInput & { comment: string }) =>
    api.post<Task>(path(id, 'reject'), decision(input)),
  complete: (id: string, body: DecisionInput & { outcome?: string }) =>
    api.post<Task>(path(id, 'complete'), {
      ...(body.outcome ? { outcome: body.outcome } : {}),
      ...decision(body),
    }),
  claim: (id: string) => api.post<Task>(path(id, 'claim')),
  release: (id: string) => api.post<Task>(path(id, 'release')),
  delegate: (id: string, toUser: string) => api.post<Task>(path(id, 'delegate'), { toUser }),
  colleagues: (role?: string) =>
    api.get<Colleague[]>(`/users/colleagues${role ? `?role=${encodeURIComponent(role)}` : ''}`),
};
