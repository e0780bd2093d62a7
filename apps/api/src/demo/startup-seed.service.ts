import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, DATABASE_KIND } from '../config/app-config.token.js';
import type { AppConfig } from '../config/app-config.js';
import { ADVISORY_LOCKS, withAdvisoryLock } from '../database/advisory-lock.js';
import type { DatabaseKind } from '../database/database-connection.js';
import { assertNoDemoPasswords, seedDemoUsers } from '../users/user-seeder.js';
import { WorkflowSeeder } from './workflow-seeder.js';

/**
 * At start-up: in demo mode seed users and example workflows; otherwise refuse
 * demo passwords. On PostgreSQL the seeding holds an advisory lock, so
 * processes starting together seed once and the rest find the rows there.
 */
@Injectable()
export class StartupSeedService implements OnApplicationBootstrap {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly workflows: WorkflowSeeder,
    @Inject(DATABASE_KIND) private readonly databaseKind: DatabaseKind,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.demoMode) {
      await assertNoDemoPasswords(this.dataSource);
      return;
    }
    const seed = async () => {
      await seedDemoUsers(this.dataSource);
      await this.workflows.seed(this.config.workflowsDir);
    };
    // The embedded database is one process with one connection: a lock would only deadlock it.
    if (this.databaseKind === 'postgres')
      await withAdvisoryLock(this.dataSource, ADVISORY_LOCKS.startupSeed, seed);
    else await seed();
  }
}
