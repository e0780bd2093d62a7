import { api } from '../http/api-client';
import type {
  ApproveRequest,
  Colleague,
  CompleteRequest,
  DelegateTaskRequest,
  RejectRequest,
  Task,
} from '@ticketflow/contract';

const decision = (input: ApproveRequest) => ({
  ...(input.comment ? { comment: input.comment, visibility: input.visibility ?? 'internal' } : {}),
  ...(input.fields && Object.keys(input.fields).length > 0 ? { fields: input.fields } : {}),
});

const path = (id: string, action: string) => `/tasks/${encodeURIComponent(id)}/${action}`;

/** Typed calls for the inbox and task actions. Each performs one HTTP request. */
export const tasksApi = {
  inbox: () => api.get<Task[]>('/tasks'),
  approve: (id: string, input: ApproveRequest = {}) => api.post<Task>(path(id, 'approve'), decision(input)),
  reject: (id: string, input: RejectRequest) => api.post<Task>(path(id, 'reject'), decision(input)),
  complete: (id: string, body: CompleteRequest) =>
    api.post<Task>(path(id, 'complete'), {
      ...(body.outcome ? { outcome: body.outcome } : {}),
      ...decision(body),
    }),
  claim: (id: string) => api.post<Task>(path(id, 'claim')),
  release: (id: string) => api.post<Task>(path(id, 'release')),
  delegate: (id: string, toUser: string) =>
    api.post<Task>(path(id, 'delegate'), { toUser } satisfies DelegateTaskRequest),
  colleagues: (role?: string) =>
    api.get<Colleague[]>(`/users/colleagues${role ? `?role=${encodeURIComponent(role)}` : ''}`),
};
