import { Module } from '@nestjs/common';
import { EngineModule } from '../engine/engine.module.js';
import { MigrationsController } from './migrations.controller.js';
import { MigrationsService } from './migrations.service.js';

/** The migrations feature: what it serves, provides and needs (apps/api/README.md, "Modules"). */
@Module({
  imports: [EngineModule],
  controllers: [MigrationsController],
  providers: [MigrationsService],
  exports: [MigrationsService],
})
export class MigrationsModule {}
