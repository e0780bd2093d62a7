import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { EngineModule } from '../engine/engine.module.js';
import { RulesController } from './rules.controller.js';
import { AutomationService } from './automation.service.js';
import { RulesService } from './rules.service.js';

/** The automation feature: what it serves, provides and needs (apps/api/README.md, "Modules"). */
@Module({
  imports: [AuditModule, EngineModule],
  controllers: [RulesController],
  providers: [AutomationService, RulesService],
  exports: [AutomationService, RulesService],
})
export class AutomationModule {}
