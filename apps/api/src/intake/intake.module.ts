import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { AutomationModule } from '../automation/automation.module.js';
import { TicketsModule } from '../tickets/tickets.module.js';
import { WebhooksModule } from '../webhooks/webhooks.module.js';
import { WorkflowsModule } from '../workflows/workflows.module.js';
import { IntakeController } from './intake.controller.js';
import { IntakeChannelsService } from './intake-channels.service.js';
import { IntakeService } from './intake.service.js';

/** The intake feature: what it serves, provides and needs (apps/api/README.md, "Modules"). */
@Module({
  imports: [AuditModule, AutomationModule, TicketsModule, WebhooksModule, WorkflowsModule],
  controllers: [IntakeController],
  providers: [IntakeChannelsService, IntakeService],
  exports: [IntakeChannelsService, IntakeService],
})
export class IntakeModule {}
