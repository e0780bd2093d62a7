import { Module } from '@nestjs/common';
import { CommonModule } from '../common/common.module.js';
import { DocumentsModule } from '../documents/documents.module.js';
import { EngineModule } from '../engine/engine.module.js';
import { SecretsModule } from '../secrets/secrets.module.js';
import { OutboxDispatcher } from './outbox-dispatcher.js';

/** The outbox feature: what it serves, provides and needs (apps/api/README.md, "Modules"). */
@Module({
  imports: [CommonModule, DocumentsModule, EngineModule, SecretsModule],
  providers: [OutboxDispatcher],
  exports: [OutboxDispatcher],
})
export class OutboxModule {}
