import { Module } from '@nestjs/common';
import { AttachmentsModule } from '../attachments/attachments.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { TicketsModule } from '../tickets/tickets.module.js';
import { WorkflowsModule } from '../workflows/workflows.module.js';
import { INBOUND_ATTACHMENT_SINK, StoredAttachmentSink } from './inbound-attachment-sink.js';
import { MailChannelsService } from './mail-channels.service.js';
import { MailIntakeService } from './mail-intake.service.js';
import { MailController } from './mail.controller.js';
import { SmtpReceiver } from './smtp-receiver.js';

/** The inbound e-mail feature: what it serves, provides and needs (apps/api/README.md, "Modules"). */
@Module({
  imports: [AttachmentsModule, AuditModule, TicketsModule, WorkflowsModule],
  controllers: [MailController],
  providers: [
    MailChannelsService,
    MailIntakeService,
    SmtpReceiver,
    { provide: INBOUND_ATTACHMENT_SINK, useClass: StoredAttachmentSink },
  ],
  exports: [MailChannelsService, MailIntakeService],
})
export class MailModule {}
