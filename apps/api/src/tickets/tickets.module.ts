import { Module } from '@nestjs/common';
import { CommonModule } from '../common/common.module.js';
import { EngineModule } from '../engine/engine.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { SubflowsModule } from '../subflows/subflows.module.js';
import { TicketsController } from './tickets.controller.js';
import { TicketsService } from './tickets.service.js';

/** The tickets feature: what it serves, provides and needs (apps/api/README.md, "Modules"). */
@Module({
  imports: [CommonModule, EngineModule, NotificationsModule, SubflowsModule],
  controllers: [TicketsController],
  providers: [TicketsService],
  exports: [TicketsService],
})
export class TicketsModule {}
