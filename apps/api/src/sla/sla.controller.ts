import type { SlaPolicy, TicketSla } from '@ticketflow/contract';
import type { Sendable } from '../common/openapi/sendable.js';
import { Answers } from '../common/openapi/answers.decorator.js';
import { SlaPolicySchema, TicketSlaSchema } from '@ticketflow/contract';
import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { SlaPolicyDto } from './sla-policy.dto.js';
import { SlaService } from './sla.service.js';

const uuid = new ParseUUIDPipe({ version: '4', errorHttpStatusCode: 404 });

@ApiTags('sla')
@ApiBearerAuth()
@Controller()
export class SlaController {
  constructor(private readonly sla: SlaService) {}

  @Get('sla/policies')
  @Roles('admin', 'designer')
  @ApiOperation({ summary: 'SLA policies per workflow and priority (admin, designer)' })
  @Answers([SlaPolicySchema])
  list(): Promise<Sendable<SlaPolicy[]>> {
    return this.sla.listPolicies();
  }

  @Put('sla/policies')
  @Roles('admin')
  @ApiOperation({
    summary: 'Create or replace the SLA policy of a workflow (and priority); applies to new tickets (admin)',
  })
  @Answers(SlaPolicySchema)
  save(@Body() body: SlaPolicyDto, @CurrentUser() user: AuthUser): Promise<Sendable<SlaPolicy>> {
    return this.sla.savePolicy(body, user);
  }

  @Delete('sla/policies/:id')
  @Roles('admin')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete an SLA policy (admin)' })
  @Answers(undefined, { status: 204 })
  async remove(@Param('id', uuid) id: string, @CurrentUser() user: AuthUser) {
    await this.sla.deletePolicy(id, user);
  }

  @Get('tickets/:id/sla')
  @ApiOperation({ summary: 'SLA clocks of a ticket: status, due time, elapsed and remaining time' })
  @Answers(TicketSlaSchema)
  ticket(@Param('id', uuid) id: string, @CurrentUser() user: AuthUser): Promise<Sendable<TicketSla>> {
    return this.sla.ticketSla(id, user);
  }
}
