import { Module } from '@nestjs/common';
import { CommonModule } from '../common/common.module.js';
import { EngineModule } from '../engine/engine.module.js';
import { IncidentsController } from './incidents.controller.js';
import { IncidentsService } from './incidents.service.js';

/** The incidents feature: what it serves, provides and needs (apps/api/README.md, "Modules"). */
@Module({
  imports: [CommonModule, EngineModule],
  controllers: [IncidentsController],
  providers: [IncidentsService],
  exports: [IncidentsService],
})
export class IncidentsModule {}
