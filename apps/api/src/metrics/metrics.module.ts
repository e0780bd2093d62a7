import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { EngineModule } from '../engine/engine.module.js';
import { LiveModule } from '../live/live.module.js';
import { OutboxModule } from '../outbox/outbox.module.js';
import { MetricsController } from './metrics.controller.js';
import { MetricsRegistry } from './metrics-registry.js';
import { MetricsCollector } from './metrics-collector.js';

/** The metrics feature: what it serves, provides and needs (apps/api/README.md, "Modules"). */
@Module({
  imports: [AuthModule, EngineModule, LiveModule, OutboxModule],
  controllers: [MetricsController],
  providers: [MetricsRegistry, MetricsCollector],
  exports: [MetricsRegistry, MetricsCollector],
})
export class MetricsModule {}
