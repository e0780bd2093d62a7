import { Module } from '@nestjs/common';
import { EngineModule } from '../engine/engine.module.js';
import { SatisfactionModule } from '../satisfaction/satisfaction.module.js';
import { NotificationsController } from './notifications.controller.js';
import { NotificationsService } from './notifications.service.js';
import { StepNotifications } from './step-notifications.js';
import { MailSender } from './mail-sender.js';

/** The notifications feature: what it serves, provides and needs (apps/api/README.md, "Modules"). */
@Module({
  imports: [EngineModule, SatisfactionModule],
  controllers: [NotificationsController],
  providers: [NotificationsService, StepNotifications, MailSender],
  exports: [NotificationsService, StepNotifications, MailSender],
})
export class NotificationsModule {}
