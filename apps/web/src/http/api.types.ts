import type { Problem, WorkflowDefinition } from '@ticketflow/definition';

/** Shapes of the REST answers the web app reads (OpenAPI at /api/docs). */
export interface User {
  id: string;
  username: string;
  displayName?: string;
  roles: string[];
}

export interface LoginResponse {
  accessToken: string;
  user: User;
}

export interface DirectoryRole {
  name: string;
  label: string;
}

export interface Directory {
  users: User[];
  roles: DirectoryRole[];
  /** Names in use in the organisation directory, for pickers (absent from older servers). */
  groups?: string[];
  regions?: string[];
  skills?: string[];
}

export type { Problem } from '@ticketflow/definition';

export interface WorkflowSummary {
  key: string;
  name: string;
  latestVersion: number | null;
  hasDraft: boolean;
  draftRevision: number | null;
  draftUpdatedAt: string | null;
}

export interface Draft {
  key: string;
  definition: WorkflowDefinition;
  revision: number;
  updatedAt: string;
  updatedBy: string;
  problems: Problem[];
}

export interface DraftSaved {
  key: string;
  revision: number;
  updatedAt: string;
  problems: Problem[];
}

export interface DraftConflictDetails {
  revision: number;
  updatedBy: string;
  updatedAt: string;
}

export interface Template {
  key: string;
  name: string;
  description: string;
  definition: WorkflowDefinition;
}
