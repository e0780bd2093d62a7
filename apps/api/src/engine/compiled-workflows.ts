import { Injectable } from '@nestjs/common';
import { compileDefinition, type CompiledWorkflow } from '@ticketflow/compiler';
import type { WorkflowDefinition } from '@ticketflow/definition';

const MAX_CACHED = 500;

/** Compiles each published version once and keeps it by version id (versions are immutable). */
@Injectable()
export class CompiledWorkflows {
  private readonly cache = new Map<string, CompiledWorkflow>();

  get(versionId: string, definition: WorkflowDefinition): CompiledWorkflow {
    let compiled = this.cache.get(versionId);
    if (!compiled) {
      compiled = compileDefinition(definition);
      if (this.cache.size >= MAX_CACHED) this.cache.delete(this.cache.keys().next().value as string);
      this.cache.set(versionId, compiled);
    }
    return compiled;
  }
}
