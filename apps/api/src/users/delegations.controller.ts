import type { Delegation } from '@ticketflow/contract';
import type { Sendable } from '../common/openapi/sendable.js';
import { Answers } from '../common/openapi/answers.decorator.js';
import { DelegationSchema } from '@ticketflow/contract';
import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { CreateDelegationDto } from '../tasks/task.dto.js';
import { DelegationsService } from './delegations.service.js';

@ApiTags('delegations')
@ApiBearerAuth()
@Controller('delegations')
export class DelegationsController {
  constructor(private readonly delegations: DelegationsService) {}

  @Get()
  @Answers([DelegationSchema])
  @ApiOperation({ summary: 'Delegations from or to me (admins: all of them)' })
  list(@CurrentUser() user: AuthUser): Promise<Sendable<Delegation[]>> {
    return this.delegations.list(user);
  }

  @Post()
  @ApiOperation({ summary: 'Let another user act on my steps for a period (absence)' })
  @Answers(DelegationSchema, { status: 201 })
  create(@Body() body: CreateDelegationDto, @CurrentUser() user: AuthUser): Promise<Sendable<Delegation>> {
    return this.delegations.create(user, body.toUser, body.startsAt, body.endsAt);
  }

  @Delete(':id')
  @HttpCode(204)
  @Answers(undefined, { status: 204 })
  @ApiOperation({ summary: 'End a delegation now (its delegator or an admin)' })
  async end(
    @Param('id', new ParseUUIDPipe({ errorHttpStatusCode: 404 })) id: string,
    @CurrentUser() user: AuthUser,
  ) {
    await this.delegations.end(user, id);
  }
}
