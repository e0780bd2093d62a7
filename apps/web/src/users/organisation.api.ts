import { api } from '../http/api-client';

/** A user's place in the organisation (GET /api/users/organisation). */
export interface OrgPerson {
  id: string;
  username: string;
  displayName: string;
  active: boolean;
  manager: string | null;
  groups: string[];
  regions: string[];
  skills: string[];
}

export type OrgPatch = Partial<Pick<OrgPerson, 'manager' | 'groups' | 'regions' | 'skills'>>;

/** One problem of a refused import: line 1 is the header. */
export interface ImportProblem {
  line: number;
  username: string | null;
  field: string;
  message: string;
}

export interface ImportResult {
  dryRun: boolean;
  changed: string[];
  unchanged: string[];
}

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
