import { Module } from '@nestjs/common';
import { CommonModule } from '../common/common.module.js';
import { EngineModule } from '../engine/engine.module.js';
import { TicketsModule } from '../tickets/tickets.module.js';
import { AttachmentsController } from './attachments.controller.js';
import { AttachmentsService } from './attachments.service.js';
import { UploadInterceptor } from './upload.interceptor.js';

/** The attachments feature: what it serves, provides and needs (apps/api/README.md, "Modules"). */
@Module({
  imports: [CommonModule, EngineModule, TicketsModule],
  controllers: [AttachmentsController],
  providers: [AttachmentsService, UploadInterceptor],
  exports: [AttachmentsService, UploadInterceptor],
})
export class AttachmentsModule {}
