import type { BusinessCalendar } from '@ticketflow/contract';
import type { Sendable } from '../common/openapi/sendable.js';
import { Answers } from '../common/openapi/answers.decorator.js';
import { BusinessCalendarSchema } from '@ticketflow/contract';
import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { BusinessCalendarDto } from './business-calendar.dto.js';
import { CALENDAR_SETTING, checkBusinessCalendar, loadBusinessCalendar } from './calendar-settings.js';

@ApiTags('settings')
@ApiBearerAuth()
@Controller('settings/business-calendar')
export class BusinessCalendarController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The business calendar that business-hours timeouts and SLAs count in' })
  @Answers(BusinessCalendarSchema)
  get(): Promise<Sendable<BusinessCalendar>> {
    return loadBusinessCalendar(this.dataSource.manager);
  }

  @Put()
  @Roles('admin')
  @ApiOperation({ summary: 'Replace the business calendar (admin); applies to timers scheduled afterwards' })
  @Answers(BusinessCalendarSchema)
  put(@Body() body: BusinessCalendarDto, @CurrentUser() user: AuthUser): Promise<Sendable<BusinessCalendar>> {
    const calendar = checkBusinessCalendar(body);
    return this.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO app_settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
        [CALENDAR_SETTING, JSON.stringify(calendar)],
      );
      await this.audit.append(manager, {
        actorId: user.id,
        action: 'settings.business-calendar',
        objectType: 'settings',
        objectId: CALENDAR_SETTING,
        details: calendar,
      });
      return calendar;
    });
  }
}
