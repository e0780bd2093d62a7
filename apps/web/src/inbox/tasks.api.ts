import type { FieldValues } from '@ticketflow/definition';
import { api } from '../http/api-client';
import type { Priority } from '../tickets/tickets.api';

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
  form?: { field: string; required?: boolean }[];
  policy?: { type: string; count?: number; value?: number };
  role?: string;
  assignee?: string;
  createdAt: string;
  completedAt?: string;
}

export interface Colleague {
  username: string;
  displayName: string;
}

const path = (id: string, action: string) => `/tasks/${encodeURIComponent(id)}/${action}`;

/** Typed calls for the inbox and task actions. Each performs one HTTP request. */
export const tasksApi = {
  inbox: () => api.get<Task[]>('/tasks'),
  approve: (id: string, comment?: string) => api.post<Task>(path(id, 'approve'), comment ? { comment } : {}),
  reject: (id: string, comment: string) => api.post<Task>(path(id, 'reject'), { comment }),
  complete: (id: string, body: { outcome?: string; fields?: FieldValues; comment?: string }) =>
    api.post<Task>(path(id, 'complete'), body),
  claim: (id: string) => api.post<Task>(path(id, 'claim')),
  release: (id: string) => api.post<Task>(path(id, 'release')),
  delegate: (id: string, toUser: string) => api.post<Task>(path(id, 'delegate'), { toUser }),
  colleagues: (role?: string) =>
    api.get<Colleague[]>(`/users/colleagues${role ? `?role=${encodeURIComponent(role)}` : ''}`),
};
