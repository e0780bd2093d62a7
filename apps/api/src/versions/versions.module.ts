import { Module } from '@nestjs/common';
import { EngineModule } from '../engine/engine.module.js';
import { VersionsController } from './versions.controller.js';
import { DiffService } from './diff.service.js';
import { ImpactService } from './impact.service.js';

/** The versions feature: what it serves, provides and needs (apps/api/README.md, "Modules"). */
@Module({
  imports: [EngineModule],
  controllers: [VersionsController],
  providers: [DiffService, ImpactService],
  exports: [DiffService, ImpactService],
})
export class VersionsModule {}
