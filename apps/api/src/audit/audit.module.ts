import { Module } from '@nestjs/common';
import { AuditService } from './audit.service.js';

/** The audit feature: what it serves, provides and needs (apps/api/README.md, "Modules"). */
@Module({
  providers: [AuditService],
  exports: [AuditService],
})
export class AuditModule {}
