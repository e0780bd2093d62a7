import type { OrganisationSettings } from '@ticketflow/contract';
import type { Sendable } from '../common/openapi/sendable.js';
import { Answers } from '../common/openapi/answers.decorator.js';
import { OrganisationSettingsSchema } from '@ticketflow/contract';
import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { OrganisationSettingsDto } from './organisation-settings.dto.js';
import {
  checkOrganisationSettings,
  loadOrganisationSettings,
  ORGANISATION_SETTING,
} from './organisation-settings.js';

@ApiTags('settings')
@ApiBearerAuth()
@Controller('settings/organisation')
export class OrganisationSettingsController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  @Get()
  @ApiOperation({
    summary: "The organisation's settings: the time zone its days (report day buckets) are counted in",
  })
  @Answers(OrganisationSettingsSchema)
  get(): Promise<Sendable<OrganisationSettings>> {
    return loadOrganisationSettings(this.dataSource.manager);
  }

  @Put()
  @Roles('admin')
  @ApiOperation({ summary: "Set the organisation's time zone (admin)" })
  @Answers(OrganisationSettingsSchema)
  put(
    @Body() body: OrganisationSettingsDto,
    @CurrentUser() user: AuthUser,
  ): Promise<Sendable<OrganisationSettings>> {
    const settings = checkOrganisationSettings(body);
    return this.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO app_settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
        [ORGANISATION_SETTING, JSON.stringify(settings)],
      );
      await this.audit.append(manager, {
        actorId: user.id,
        action: 'settings.organisation',
        objectType: 'settings',
        objectId: ORGANISATION_SETTING,
        details: settings,
      });
      return settings;
    });
  }
}
