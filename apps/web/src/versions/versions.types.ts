import type { DefinitionDiff, Problem, WorkflowDefinition } from '@ticketflow/definition';

/** Shapes of the Versions API answers (apps/api/src/{workflows,versions,migrations}). */
export interface VersionRow {
  key: string;
  version: number;
  name: string;
  checksum: string;
  publishedAt: string;
  publishedBy: string | null;
  note: string | null;
  deprecatedAt: string | null;
  activeTickets: number;
  definition: WorkflowDefinition;
}

export type DefinitionRef = 'draft' | number;

export interface DiffSide {
  ref: DefinitionRef;
  label: string;
  definition: WorkflowDefinition;
}

export interface DiffResponse {
  key: string;
  from: DiffSide;
  to: DiffSide;
  diff: DefinitionDiff;
  changes: { text: string; nodeId?: string; edgeId?: string }[];
}

export interface PublishResponse {
  key: string;
  version: number;
  checksum: string;
  warnings: Problem[];
}

export interface ImpactGroup {
  nowVisits: { id: string; name: string }[];
  noLongerVisits: { id: string; name: string }[];
  outcome?: { before: string | null; after: string | null };
  count: number;
  summary: string;
  tickets: { ticketId: string; number: string; title: string }[];
}

export interface ImpactReport {
  key: string;
  version: number;
  sampled: number;
  differing: number;
  groups: ImpactGroup[];
}

export interface MigrationTicket {
  ticketId: string;
  number: string;
  title: string;
  fromVersion: number;
  activeNodes: string[];
  result: 'ready' | 'migrated' | 'refused' | 'failed';
  reason?: string;
  code?: string;
  targetNodes?: string[];
}

export interface MigrationMappingRow {
  fromVersion: number;
  nodeId: string;
  name: string;
  type: string;
  tickets: number;
  toNode: string | null;
}

export interface MigrationReport {
  key: string;
  toVersion: number;
  dryRun: boolean;
  mapping: MigrationMappingRow[];
  targetNodes: { id: string; name: string; type: string }[];
  tickets: MigrationTicket[];
  summary: { total: number; ready: number; migrated: number; refused: number; failed: number };
}
