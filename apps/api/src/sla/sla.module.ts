import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { AutomationModule } from '../automation/automation.module.js';
import { EngineModule } from '../engine/engine.module.js';
import { SlaController } from './sla.controller.js';
import { SlaClocks } from './sla-clocks.js';
import { SlaEscalation } from './sla-escalation.js';
import { SlaService } from './sla.service.js';

/** The sla feature: what it serves, provides and needs (apps/api/README.md, "Modules"). */
@Module({
  imports: [AuditModule, AutomationModule, EngineModule],
  controllers: [SlaController],
  providers: [SlaClocks, SlaEscalation, SlaService],
  exports: [SlaClocks, SlaEscalation, SlaService],
})
export class SlaModule {}
