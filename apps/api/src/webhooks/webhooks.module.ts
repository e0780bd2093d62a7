import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { WebhookGate } from './webhook-gate.js';

/** The webhooks feature: what it serves, provides and needs (apps/api/README.md, "Modules"). */
@Module({
  imports: [AuditModule],
  providers: [WebhookGate],
  exports: [WebhookGate],
})
export class WebhooksModule {}
