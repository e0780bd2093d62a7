import { Module } from '@nestjs/common';
import { CatalogueModule } from '../catalogue/catalogue.module.js';
import { WorkflowsModule } from '../workflows/workflows.module.js';
import { WorkflowSeeder } from './workflow-seeder.js';
import { StartupSeedService } from './startup-seed.service.js';

/** The demo feature: what it serves, provides and needs (apps/api/README.md, "Modules"). */
@Module({
  imports: [WorkflowsModule, CatalogueModule],
  providers: [WorkflowSeeder, StartupSeedService],
  exports: [WorkflowSeeder, StartupSeedService],
})
export class DemoModule {}
