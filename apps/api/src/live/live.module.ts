import { Module } from '@nestjs/common';
import { EngineModule } from '../engine/engine.module.js';
import { LiveController } from './live.controller.js';
import { InboxStream } from './inbox-stream.service.js';

/** The live feature: what it serves, provides and needs (apps/api/README.md, "Modules"). */
@Module({
  imports: [EngineModule],
  controllers: [LiveController],
  providers: [InboxStream],
  exports: [InboxStream],
})
export class LiveModule {}
