import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '../config/app-config.token.js';
import type { AppConfig } from '../config/app-config.js';
import { assertNoDemoPasswords, seedDemoUsers } from '../users/user-seeder.js';
import { WorkflowSeeder } from './workflow-seeder.js';

/** At start-up: in demo mode seed users and example workflows; otherwise refuse demo passwords. */
@Injectable()
export class StartupSeedService implements OnApplicationBootstrap {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly workflows: WorkflowSeeder,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.demoMode) {
      await assertNoDemoPasswords(this.dataSource);
      return;
    }
    await seedDemoUsers(this.dataSource);
    await this.workflows.seed(this.config.workflowsDir);
  }
}
