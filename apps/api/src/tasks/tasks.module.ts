import { Module } from '@nestjs/common';
import { CommonModule } from '../common/common.module.js';
import { EngineModule } from '../engine/engine.module.js';
import { TasksController } from './tasks.controller.js';
import { TasksService } from './tasks.service.js';

/** The tasks feature: what it serves, provides and needs (apps/api/README.md, "Modules"). */
@Module({
  imports: [CommonModule, EngineModule],
  controllers: [TasksController],
  providers: [TasksService],
  exports: [TasksService],
})
export class TasksModule {}
