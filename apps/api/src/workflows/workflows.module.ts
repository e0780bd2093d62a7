import { Module } from '@nestjs/common';
import { ActionsModule } from '../actions/actions.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { SubflowsModule } from '../subflows/subflows.module.js';
import { WorkflowsController } from './workflows.controller.js';
import { DefinitionsController } from './definitions.controller.js';
import { WorkflowsService } from './workflows.service.js';
import { WorkflowTemplates } from './workflow-templates.js';

/** The workflows feature: what it serves, provides and needs (apps/api/README.md, "Modules"). */
@Module({
  imports: [ActionsModule, AuditModule, SubflowsModule],
  controllers: [WorkflowsController, DefinitionsController],
  providers: [WorkflowsService, WorkflowTemplates],
  exports: [WorkflowsService, WorkflowTemplates],
})
export class WorkflowsModule {}
