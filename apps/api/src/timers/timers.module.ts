import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { BusinessCalendarController } from './business-calendar.controller.js';

/** The timers feature: what it serves, provides and needs (apps/api/README.md, "Modules"). */
@Module({
  imports: [AuditModule],
  controllers: [BusinessCalendarController],
})
export class TimersModule {}
