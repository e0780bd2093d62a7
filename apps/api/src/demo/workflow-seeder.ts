import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { AppLogger } from '../common/logging/app-logger.js';
import { catalogueFromTemplates } from '../catalogue/catalogue-seed.js';
import { CatalogueService } from '../catalogue/catalogue.service.js';
import { readWorkflowTemplates } from '../workflows/workflow-templates.js';
import { WorkflowsService } from '../workflows/workflows.service.js';

/**
 * Demo mode: publishes each example workflow that has no version yet, as the
 * admin, and fills an empty request catalogue from the templates' `x-catalogue`.
 */
@Injectable()
export class WorkflowSeeder {
  constructor(
    private readonly dataSource: DataSource,
    private readonly workflows: WorkflowsService,
    private readonly catalogue: CatalogueService,
  ) {}

  async seed(folder: string): Promise<void> {
    const [admin] = (await this.dataSource.query(
      `SELECT id, username, display_name, roles FROM users WHERE username = 'admin'`,
    )) as {
      id: string;
      username: string;
      display_name: string;
      roles: string[];
    }[];
    if (!admin) return;
    const actor: AuthUser = {
      id: admin.id,
      username: admin.username,
      displayName: admin.display_name,
      roles: admin.roles,
    };
    const templates = readWorkflowTemplates(folder);
    // A workflow that calls others as sub-flows is published after them (publishing checks the child).
    const callsOthers = (template: (typeof templates)[number]) =>
      (template.definition.nodes ?? []).some((node: { type?: string }) => node.type === 'subflow') ? 1 : 0;
    for (const template of [...templates].sort((a, b) => callsOthers(a) - callsOthers(b))) {
      const [{ n }] = (await this.dataSource.query(
        'SELECT count(*)::int AS n FROM workflow_versions WHERE key = $1',
        [template.key],
      )) as [{ n: number }];
      if (n > 0) continue;
      const definition = { ...template.definition } as Record<string, unknown>;
      delete definition.$schema;
      await this.workflows.saveDraft(template.key, definition, undefined, actor);
      try {
        await this.workflows.publish(template.key, 'Example workflow', actor);
      } catch (error) {
        new AppLogger().warn('example workflow not published', {
          key: template.key,
          error: (error as Error).message,
        });
      }
    }
    // The request catalogue, once: an admin's arrangement is never overwritten.
    const [{ n }] = (await this.dataSource.query(
      'SELECT (SELECT count(*) FROM catalogue_entries) + (SELECT count(*) FROM catalogue_categories) AS n',
    )) as [{ n: string }];
    if (Number(n) === 0) await this.catalogue.replace(catalogueFromTemplates(templates), actor);
  }
}
