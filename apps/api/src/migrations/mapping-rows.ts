import type { CompiledWorkflow } from '@ticketflow/compiler';
import type { WorkflowDefinition } from '@ticketflow/definition';
import type { CompiledWorkflows } from '../engine/compiled-workflows.js';

/** One line of the mapping table: a step running tickets wait at, and where it goes. */
export interface MappingRow {
  fromVersion: number;
  nodeId: string;
  name: string;
  type: string;
  tickets: number;
  /** The target node: the mapping's, else the same id if the target has it, else null (the ticket cannot move). */
  toNode: string | null;
}

/**
 * The steps the candidate tickets wait at, per version, with the node each
 * maps to (by id unless the mapping says otherwise). Pure apart from the
 * compile cache.
 */
export function mappingRows(
  candidates: {
    version_id: string;
    version: number;
    definition: WorkflowDefinition;
    active_nodes: string[];
  }[],
  compiled: CompiledWorkflows,
  to: CompiledWorkflow,
  mapping: Readonly<Record<string, string>>,
): MappingRow[] {
  const rows = new Map<string, MappingRow>();
  for (const candidate of candidates) {
    const from = compiled.get(candidate.version_id, candidate.definition);
    for (const nodeId of candidate.active_nodes) {
      const key = `${candidate.version}:${nodeId}`;
      const existing = rows.get(key);
      if (existing) {
        existing.tickets += 1;
        continue;
      }
      const info = from.nodes[nodeId];
      const mapped = mapping[nodeId] ?? nodeId;
      rows.set(key, {
        fromVersion: candidate.version,
        nodeId,
        name: info?.name || nodeId,
        type: info?.type ?? 'unknown',
        tickets: 1,
        toNode: to.nodes[mapped] ? mapped : null,
      });
    }
  }
  return [...rows.values()].sort((a, b) => a.fromVersion - b.fromVersion || a.nodeId.localeCompare(b.nodeId));
}
