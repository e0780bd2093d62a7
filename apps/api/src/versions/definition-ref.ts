import type { EntityManager } from 'typeorm';
import type { WorkflowDefinition } from '@ticketflow/definition';
import { notFound } from '../common/errors/domain-error.js';

/** One side of a comparison: a published version or the draft. */
export interface DefinitionSide {
  ref: 'draft' | number;
  label: string;
  definition: WorkflowDefinition;
  versionId?: string;
}

/** Reads a version (by number) or the draft of a workflow; 404 naming what is missing. */
export async function loadDefinitionSide(
  manager: EntityManager,
  key: string,
  ref: 'draft' | number,
): Promise<DefinitionSide> {
  if (ref === 'draft') {
    const [draft] = (await manager.query('SELECT definition FROM workflow_definitions WHERE key = $1', [
      key,
    ])) as { definition: WorkflowDefinition }[];
    if (!draft) throw notFound('Draft of workflow', key);
    return { ref, label: 'draft', definition: draft.definition };
  }
  const [row] = (await manager.query(
    'SELECT id, definition FROM workflow_versions WHERE key = $1 AND version = $2',
    [key, ref],
  )) as { id: string; definition: WorkflowDefinition }[];
  if (!row) throw notFound('Version', `${key} v${ref}`);
  return { ref, label: `v${ref}`, definition: row.definition, versionId: row.id };
}

/** The highest published version number, or null. */
export async function latestVersionNumber(manager: EntityManager, key: string): Promise<number | null> {
  const [row] = (await manager.query(
    'SELECT max(version)::int AS version FROM workflow_versions WHERE key = $1',
    [key],
  )) as { version: number | null }[];
  return row?.version ?? null;
}

/** `"draft"` or a number from a validated query string. Pure. */
export function parseRef(value: string | undefined): 'draft' | number | undefined {
  if (value === undefined) return undefined;
  return value === 'draft' ? 'draft' : Number(value);
}
