import { Module } from '@nestjs/common';
import { EngineModule } from '../engine/engine.module.js';
import { LiveModule } from '../live/live.module.js';
import { MetricsModule } from '../metrics/metrics.module.js';
import { OutboxModule } from '../outbox/outbox.module.js';
import { CrossProcessNotifier } from './cross-process-notifier.js';

/** The cluster feature: what it serves, provides and needs (apps/api/README.md, "Modules"). */
@Module({
  imports: [EngineModule, LiveModule, MetricsModule, OutboxModule],
  providers: [CrossProcessNotifier],
  exports: [CrossProcessNotifier],
})
export class ClusterModule {}
