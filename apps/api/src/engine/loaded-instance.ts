import type { WorkflowDefinition } from '@ticketflow/definition';
import type { InstanceSnapshot } from '@ticketflow/runtime';

/** An instance row locked for update, with what stepping it needs. */
export interface LoadedInstance {
  id: string;
  ticketId: string;
  versionId: string;
  seq: number;
  status: string;
  snapshot: InstanceSnapshot;
  fields: Record<string, unknown>;
  requesterId: string;
  workflowKey: string;
  version: number;
  definition: WorkflowDefinition;
}
