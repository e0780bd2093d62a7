import type { Incident } from '@ticketflow/contract';
import type { Sendable } from '../common/openapi/sendable.js';
import { Answers } from '../common/openapi/answers.decorator.js';
import { IncidentSchema } from '@ticketflow/contract';
import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { invalid } from '../common/errors/domain-error.js';
import { IncidentsService } from './incidents.service.js';

const uuid = new ParseUUIDPipe({ version: '4', errorHttpStatusCode: 404 });

@ApiTags('incidents')
@ApiBearerAuth()
@Roles('admin')
@Controller('incidents')
export class IncidentsController {
  constructor(private readonly incidents: IncidentsService) {}

  @Get()
  @ApiOperation({ summary: 'Incidents (admin): open by default, ?status=resolved|all' })
  @ApiQuery({ name: 'status', required: false, enum: ['open', 'resolved', 'all'] })
  @Answers([IncidentSchema])
  list(@Query('status') status?: string): Promise<Sendable<Incident[]>> {
    if (status !== undefined && status !== 'open' && status !== 'resolved' && status !== 'all') {
      throw invalid('invalid-input', 'status must be one of open, resolved, all.');
    }
    return this.incidents.list(status ?? 'open');
  }

  @Post(':id/retry')
  @HttpCode(200)
  @ApiOperation({ summary: 'Retry the failed action behind an incident and resolve it (admin)' })
  @Answers(IncidentSchema)
  retry(@Param('id', uuid) id: string, @CurrentUser() user: AuthUser): Promise<Sendable<Incident>> {
    return this.incidents.retry(id, user);
  }
}
