import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { OrganisationSettingsController } from './organisation-settings.controller.js';

/** The settings feature: what it serves, provides and needs (apps/api/README.md, "Modules"). */
@Module({
  imports: [AuditModule],
  controllers: [OrganisationSettingsController],
})
export class SettingsModule {}
