import { Type, type Static } from '@sinclair/typebox';
import { Closed, Nullable, Uuid } from './schema-builders.js';

/** A user's place in the organisation (`GET /api/users/organisation`, admin). */
export const OrgPersonSchema = Closed({
  id: Uuid(),
  username: Type.String(),
  displayName: Type.String(),
  active: Type.Boolean(),
  manager: Nullable(Type.String({ description: "The line manager's username" })),
  groups: Type.Array(Type.String()),
  regions: Type.Array(Type.String()),
  skills: Type.Array(Type.String()),
});
export type OrgPerson = Static<typeof OrgPersonSchema>;

/** `PUT /api/users/:id/organisation`: only what is sent changes. */
export const OrgPatchSchema = Closed({
  manager: Type.Optional(Nullable(Type.String())),
  groups: Type.Optional(Type.Array(Type.String())),
  regions: Type.Optional(Type.Array(Type.String())),
  skills: Type.Optional(Type.Array(Type.String())),
});
export type OrgPatch = Static<typeof OrgPatchSchema>;

/** `POST /api/users/organisation/import`: a CSV text; `dryRun` checks without writing. */
export const OrgImportRequestSchema = Closed({ csv: Type.String(), dryRun: Type.Optional(Type.Boolean()) });
export type OrgImportRequest = Static<typeof OrgImportRequestSchema>;

/** One problem of a refused import (the `details.problems` of a 422 `import-rejected`); line 1 is the header. */
export const ImportProblemSchema = Closed({
  line: Type.Integer(),
  username: Nullable(Type.String()),
  field: Type.String(),
  message: Type.String(),
});
export type ImportProblem = Static<typeof ImportProblemSchema>;

/** What an accepted import changed (or would change, on a dry run). */
export const ImportResultSchema = Closed({
  dryRun: Type.Boolean(),
  changed: Type.Array(Type.String()),
  unchanged: Type.Array(Type.String()),
});
export type ImportResult = Static<typeof ImportResultSchema>;
