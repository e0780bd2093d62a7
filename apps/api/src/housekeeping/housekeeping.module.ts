import { Module } from '@nestjs/common';
import { MetricsModule } from '../metrics/metrics.module.js';
import { HousekeepingService } from './housekeeping.service.js';

/** The housekeeping feature: what it serves, provides and needs (apps/api/README.md, "Modules"). */
@Module({
  imports: [MetricsModule],
  providers: [HousekeepingService],
  exports: [HousekeepingService],
})
export class HousekeepingModule {}
