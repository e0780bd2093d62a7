import { Inject, Injectable } from '@nestjs/common';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WorkflowDefinition } from '@ticketflow/definition';
import { APP_CONFIG } from '../config/app-config.token.js';
import type { AppConfig } from '../config/app-config.js';

export interface WorkflowTemplate {
  key: string;
  name: string;
  description?: string;
  definition: WorkflowDefinition;
}

/** Reads the definitions in a folder (the repo's `workflows/`): every `*.json` with a `schemaVersion`. */
export function readWorkflowTemplates(folder: string): WorkflowTemplate[] {
  let files: string[];
  try {
    files = readdirSync(folder)
      .filter((file) => file.endsWith('.json'))
      .sort();
  } catch {
    return [];
  }
  return files.flatMap((file) => {
    const parsed = JSON.parse(readFileSync(join(folder, file), 'utf8')) as Partial<WorkflowDefinition>;
    if (parsed.schemaVersion === undefined || typeof parsed.key !== 'string') return [];
    const definition = parsed as WorkflowDefinition;
    return [{ key: definition.key, name: definition.name, description: definition.description, definition }];
  });
}

/** The templates offered by "start from template", read once. */
@Injectable()
export class WorkflowTemplates {
  private cached?: WorkflowTemplate[];

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  list(): WorkflowTemplate[] {
    this.cached ??= readWorkflowTemplates(this.config.workflowsDir);
    return this.cached;
  }
}
