import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { HttpActionHostsController } from './http-action-hosts.controller.js';
import { HttpActionPublishCheck } from './http-action-publish-check.js';

/** The actions feature: what it serves, provides and needs (apps/api/README.md, "Modules"). */
@Module({
  imports: [AuditModule],
  controllers: [HttpActionHostsController],
  providers: [HttpActionPublishCheck],
  exports: [HttpActionPublishCheck],
})
export class ActionsModule {}
