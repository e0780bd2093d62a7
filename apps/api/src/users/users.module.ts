import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { WorkflowsModule } from '../workflows/workflows.module.js';
import { DirectoryController } from './directory.controller.js';
import { DelegationsController } from './delegations.controller.js';
import { ColleaguesController } from './colleagues.controller.js';
import { UsersController } from './users.controller.js';
import { DelegationsService } from './delegations.service.js';
import { UsersService } from './users.service.js';
import { OrganisationService } from './organisation.service.js';

/** The users feature: what it serves, provides and needs (apps/api/README.md, "Modules"). */
@Module({
  imports: [AuditModule, WorkflowsModule],
  controllers: [DirectoryController, DelegationsController, ColleaguesController, UsersController],
  providers: [DelegationsService, UsersService, OrganisationService],
  exports: [DelegationsService, UsersService],
})
export class UsersModule {}
