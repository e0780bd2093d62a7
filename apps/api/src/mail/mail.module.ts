import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { TicketsModule } from '../tickets/tickets.module.js';
import { WorkflowsModule } from '../workflows/workflows.module.js';
import { INBOUND_ATTACHMENT_SINK, LoggingAttachmentSink } from './inbound-attachment-sink.js';
import { MailChannelsService } from './mail-channels.service.js';
import { MailIntakeService } from './mail-intake.service.js';
import { MailController } from './mail.controller.js';
import { SmtpReceiver } from './smtp-receiver.js';

/** The inbound e-mail feature: what it serves, provides and needs (apps/api/README.md, "Modules"). */
@Module({
  imports: [AuditModule, TicketsModule, WorkflowsModule],
  controllers: [MailController],
  providers: [
    MailChannelsService,
    MailIntakeService,
    SmtpReceiver,
    // TODO(merge): bind to the attachments service of `attach` (see mail/inbound-attachment-sink.ts).
    { provide: INBOUND_ATTACHMENT_SINK, useClass: LoggingAttachmentSink },
  ],
  exports: [MailChannelsService, MailIntakeService],
})
export class MailModule {}
