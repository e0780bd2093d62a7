import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { SecretsController } from './secrets.controller.js';
import { SecretStore } from './secret-store.js';

/** The secrets feature: what it serves, provides and needs (apps/api/README.md, "Modules"). */
@Module({
  imports: [AuditModule],
  controllers: [SecretsController],
  providers: [SecretStore],
  exports: [SecretStore],
})
export class SecretsModule {}
