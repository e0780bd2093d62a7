import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { compileDefinition, type CompiledWorkflow } from '@ticketflow/compiler';
import type { WorkflowDefinition } from '@ticketflow/definition';

const MAX_CACHED = 500;

export interface CompiledVersion {
  definition: WorkflowDefinition;
  workflow: CompiledWorkflow;
}

/**
 * Each published version compiled once and kept by version id (versions are
 * immutable), so an event reads neither the definition nor compiles it again.
 */
@Injectable()
export class CompiledWorkflows {
  private readonly cache = new Map<string, CompiledVersion>();

  /** The compiled version, given its definition. Pure apart from the cache. */
  get(versionId: string, definition: WorkflowDefinition): CompiledWorkflow {
    return this.remember(versionId, definition).workflow;
  }

  /** The compiled version by id; reads the definition only the first time. */
  async load(manager: EntityManager, versionId: string): Promise<CompiledVersion> {
    const cached = this.cache.get(versionId);
    if (cached) return cached;
    const [row] = (await manager.query('SELECT definition FROM workflow_versions WHERE id = $1', [
      versionId,
    ])) as { definition: WorkflowDefinition }[];
    if (!row) throw new Error(`workflow version ${versionId} does not exist`);
    return this.remember(versionId, row.definition);
  }

  private remember(versionId: string, definition: WorkflowDefinition): CompiledVersion {
    let entry = this.cache.get(versionId);
    if (!entry) {
      entry = { definition, workflow: compileDefinition(definition) };
      if (this.cache.size >= MAX_CACHED) this.cache.delete(this.cache.keys().next().value as string);
      this.cache.set(versionId, entry);
    }
    return entry;
  }
}
