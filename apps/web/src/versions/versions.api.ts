import { api } from '../http/api-client';
import type {
  DefinitionRef,
  Deprecated,
  DiffResponse,
  Draft,
  ImpactReport,
  ImpactRequest,
  MigrationReport,
  MigrationRequest,
  PublishResponse,
  VersionRow,
} from '@ticketflow/contract';

const base = (key: string) => `/workflows/${encodeURIComponent(key)}`;

/** Typed calls for the Versions page. Each performs one HTTP request. */
export const versionsApi = {
  versions: (key: string) => api.get<VersionRow[]>(`${base(key)}/versions`),
  draft: (key: string) => api.get<Draft>(`${base(key)}/draft`),
  diff: (key: string, from: DefinitionRef, to: DefinitionRef, lang: 'en' | 'zh') =>
    api.get<DiffResponse>(`${base(key)}/diff?from=${from}&to=${to}&lang=${lang}`),
  publish: (key: string, note: string) =>
    api.post<PublishResponse>(`${base(key)}/publish`, note.trim() ? { note: note.trim() } : {}),
  deprecate: (key: string, version: number) =>
    api.post<Deprecated>(`${base(key)}/versions/${version}/deprecate`),
  impact: (key: string, limit?: number) =>
    api.post<ImpactReport>(
      `${base(key)}/impact`,
      (limit === undefined ? {} : { limit }) satisfies ImpactRequest,
    ),
  migrate: (key: string, body: MigrationRequest & { dryRun: boolean }) =>
    api.post<MigrationReport>(`${base(key)}/migrations`, body),
};
