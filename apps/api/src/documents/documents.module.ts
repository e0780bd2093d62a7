import { Module } from '@nestjs/common';
import { AttachmentsModule } from '../attachments/attachments.module.js';
import { SecretsModule } from '../secrets/secrets.module.js';
import { DocumentActions } from './document-actions.js';

/** Generated documents (document actions, run by the outbox): what it provides and needs (apps/api/README.md, "Modules"). */
@Module({
  imports: [AttachmentsModule, SecretsModule],
  providers: [DocumentActions],
  exports: [DocumentActions],
})
export class DocumentsModule {}
