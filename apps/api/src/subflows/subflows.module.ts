import { Module } from '@nestjs/common';
import { CommonModule } from '../common/common.module.js';
import { EngineModule } from '../engine/engine.module.js';
import { HandbackDispatcher } from './handback-dispatcher.js';
import { SubflowLinks } from './subflow-links.js';
import { SubflowPublishCheck } from './subflow-publish-check.js';

/** The sub-flows feature: what it serves, provides and needs (apps/api/README.md, "Modules"). */
@Module({
  imports: [CommonModule, EngineModule],
  providers: [HandbackDispatcher, SubflowPublishCheck, SubflowLinks],
  exports: [HandbackDispatcher, SubflowPublishCheck, SubflowLinks],
})
export class SubflowsModule {}
