import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { CommonModule } from '../common/common.module.js';
import { EngineModule } from '../engine/engine.module.js';
import { WebhooksModule } from '../webhooks/webhooks.module.js';
import { InboundEventsController } from './inbound-events.controller.js';
import { InboundEventsService } from './inbound-events.service.js';

/** The messages feature: what it serves, provides and needs (apps/api/README.md, "Modules"). */
@Module({
  imports: [AuthModule, CommonModule, EngineModule, WebhooksModule],
  controllers: [InboundEventsController],
  providers: [InboundEventsService],
  exports: [InboundEventsService],
})
export class MessagesModule {}
