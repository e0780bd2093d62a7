import { Type, type Static } from '@sinclair/typebox';
import type { DefinitionDiff, Problem, WorkflowDefinition } from '@ticketflow/definition';
import { Closed, Described, Nullable, Timestamp } from './schema-builders.js';

/** A workflow definition (libs/definition; its JSON Schema is `definition.schema.json`). */
export const DefinitionSchema = Described<WorkflowDefinition>(
  'A workflow definition: see libs/definition/definition.schema.json',
);

/** One problem `validateDefinition` found. */
export const ProblemSchema = Closed({
  code: Type.String(),
  severity: Type.Union([Type.Literal('error'), Type.Literal('warning')]),
  message: Type.String(),
  nodeId: Type.Optional(Type.String()),
  edgeId: Type.Optional(Type.String()),
  field: Type.Optional(Type.String()),
  path: Type.Optional(Type.String()),
  params: Type.Optional(
    Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()]), {
      description: 'The values the message names, for clients that word it in their language',
    }),
  ),
});
export type { Problem };

/** `GET /api/workflows`: every workflow with its latest version and draft state. */
export const WorkflowSummarySchema = Closed({
  key: Type.String(),
  name: Type.String(),
  latestVersion: Nullable(Type.Integer()),
  hasDraft: Type.Boolean(),
  draftRevision: Nullable(Type.Integer()),
  draftUpdatedAt: Nullable(Timestamp()),
  activeTickets: Type.Integer({ minimum: 0 }),
});
export type WorkflowSummary = Static<typeof WorkflowSummarySchema>;

/** `GET|PUT /api/workflows/:key/draft`: the draft with the problems it has now. */
export const DraftSchema = Closed({
  key: Type.String(),
  name: Type.String(),
  definition: DefinitionSchema,
  revision: Type.Integer({ minimum: 1 }),
  updatedAt: Timestamp(),
  updatedBy: Nullable(
    Type.String({ description: 'The id of the user who saved it; null for a seeded draft' }),
  ),
  problems: Type.Array(Type.Unsafe<Problem>(ProblemSchema)),
});
export type Draft = Static<typeof DraftSchema>;

/** `PUT /api/workflows/:key/draft` sends the definition and the revision it was based on. */
export const SaveDraftRequestSchema = Closed({
  definition: DefinitionSchema,
  baseRevision: Type.Optional(
    Type.Integer({ description: 'The revision read; 409 when another was saved since' }),
  ),
});
export type SaveDraftRequest = Static<typeof SaveDraftRequestSchema>;

/** The `details` of a 409 `draft-conflict`: the revision saved meanwhile. */
export const DraftConflictDetailsSchema = Closed({
  revision: Type.Integer(),
  updatedBy: Nullable(Type.String()),
  updatedAt: Timestamp(),
});
export type DraftConflictDetails = Static<typeof DraftConflictDetailsSchema>;

/** `POST /api/definitions/validate` sends a definition. */
export const DefinitionBodySchema = Closed({ definition: DefinitionSchema });
export type DefinitionBody = Static<typeof DefinitionBodySchema>;

/** `POST /api/definitions/validate` answers every problem. */
export const ValidationResultSchema = Closed({
  valid: Type.Boolean(),
  problems: Type.Array(Type.Unsafe<Problem>(ProblemSchema)),
});
export type ValidationResult = Static<typeof ValidationResultSchema>;

/** `GET /api/templates`: example workflows to start from. */
export const TemplateSchema = Closed({
  key: Type.String(),
  name: Type.String(),
  description: Type.Optional(Type.String()),
  definition: DefinitionSchema,
});
export type Template = Static<typeof TemplateSchema>;

/** `POST /api/workflows/:key/publish` sends an optional note. */
export const PublishRequestSchema = Closed({ note: Type.Optional(Type.String()) });
export type PublishRequest = Static<typeof PublishRequestSchema>;

/** `POST /api/workflows/:key/publish` answers the new version (warnings do not block it). */
export const PublishResponseSchema = Closed({
  key: Type.String(),
  version: Type.Integer({ minimum: 1 }),
  checksum: Type.String(),
  warnings: Type.Array(Type.Unsafe<Problem>(ProblemSchema)),
});
export type PublishResponse = Static<typeof PublishResponseSchema>;

/** A published, immutable version (`GET /api/workflows/:key/versions[/:version]`). */
export const VersionRowSchema = Closed({
  key: Type.String(),
  version: Type.Integer({ minimum: 1 }),
  name: Type.String(),
  checksum: Type.String(),
  publishedAt: Timestamp(),
  publishedBy: Type.Optional(Nullable(Type.String({ description: 'Staff only' }))),
  note: Type.Optional(Nullable(Type.String({ description: 'Staff only' }))),
  deprecatedAt: Nullable(Timestamp()),
  activeTickets: Type.Optional(Type.Integer({ minimum: 0, description: 'Staff only' })),
  definition: DefinitionSchema,
});
export type VersionRow = Static<typeof VersionRowSchema>;

/** `POST /api/workflows/:key/versions/:version/deprecate`. */
export const DeprecatedSchema = Closed({
  key: Type.String(),
  version: Type.Integer(),
  deprecated: Type.Literal(true),
});
export type Deprecated = Static<typeof DeprecatedSchema>;

/** Which definition a diff or a migration speaks of: the draft or a version number. */
export type DefinitionRef = 'draft' | number;
const DefinitionRefSchema = Type.Union([Type.Literal('draft'), Type.Integer({ minimum: 1 })]);

export const DiffSideSchema = Closed({
  ref: DefinitionRefSchema,
  label: Type.String(),
  definition: DefinitionSchema,
  versionId: Type.Optional(Type.String()),
});
export type DiffSide = Static<typeof DiffSideSchema>;

/** `GET /api/workflows/:key/diff?from&to`: the structural diff and the changes in words. */
export const DiffResponseSchema = Closed({
  key: Type.String(),
  from: DiffSideSchema,
  to: DiffSideSchema,
  diff: Described<DefinitionDiff>('The structural diff (libs/definition `diffDefinitions`)'),
  changes: Type.Array(
    Closed({
      text: Type.String(),
      nodeId: Type.Optional(Type.String()),
      edgeId: Type.Optional(Type.String()),
    }),
  ),
});
export type DiffResponse = Static<typeof DiffResponseSchema>;
