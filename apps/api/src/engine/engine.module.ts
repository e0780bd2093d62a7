import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { CommonModule } from '../common/common.module.js';
import { CompiledWorkflows } from './compiled-workflows.js';
import { EngineConfig } from './engine-config.js';
import { StepObservers } from './step-observers.js';
import { EngineEvents } from './engine-events.js';
import { EngineService } from './engine.service.js';
import { TimerScheduler } from './workers/timer-scheduler.js';

/** The engine feature: what it serves, provides and needs (apps/api/README.md, "Modules"). */
@Module({
  imports: [AuditModule, CommonModule],
  providers: [CompiledWorkflows, EngineConfig, StepObservers, EngineEvents, EngineService, TimerScheduler],
  exports: [CompiledWorkflows, EngineConfig, StepObservers, EngineEvents, EngineService, TimerScheduler],
})
export class EngineModule {}
