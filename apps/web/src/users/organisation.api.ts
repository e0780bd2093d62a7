import type { ImportResult, OrgPatch, OrgPerson } from '@ticketflow/contract';
import { api } from '../http/api-client';

export type { ImportProblem, ImportResult, OrgPatch, OrgPerson } from '@ticketflow/contract';

/** Typed calls for the Organisation page. Each performs one HTTP request. */
export const organisationApi = {
  list: () => api.get<OrgPerson[]>('/users/organisation'),
  update: (id: string, patch: OrgPatch) =>
    api.put<OrgPerson>(`/users/${encodeURIComponent(id)}/organisation`, patch),
  importCsv: (csv: string, dryRun: boolean) =>
    api.post<ImportResult>('/users/organisation/import', { csv, dryRun }),
};

/** "east, west" → ["east", "west"]: a list typed in one box, commas or semicolons between. Pure. */
export function splitNames(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[,;]/)
        .map((name) => name.trim())
        .filter(Boolean),
    ),
  ].sort();
}
