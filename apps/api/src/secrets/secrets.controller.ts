import type { SecretSummary } from '@ticketflow/contract';
import type { Sendable } from '../common/openapi/sendable.js';
import { Answers } from '../common/openapi/answers.decorator.js';
import { SecretSummarySchema } from '@ticketflow/contract';
import { Body, Controller, Delete, Get, HttpCode, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { PutSecretDto } from './secrets.dto.js';
import { SecretStore } from './secret-store.js';

@ApiTags('secrets')
@ApiBearerAuth()
@Roles('admin')
@Controller('secrets')
export class SecretsController {
  constructor(private readonly secrets: SecretStore) {}

  @Get()
  @ApiOperation({ summary: 'Every secret by name (values are never returned)' })
  @Answers([SecretSummarySchema])
  list(): Promise<Sendable<SecretSummary[]>> {
    return this.secrets.list();
  }

  @Put(':name')
  @ApiOperation({ summary: 'Create or replace a secret; HTTP actions refer to it as {{secret:NAME}}' })
  @Answers(SecretSummarySchema)
  put(
    @Param('name') name: string,
    @Body() body: PutSecretDto,
    @CurrentUser() admin: AuthUser,
  ): Promise<Sendable<SecretSummary>> {
    return this.secrets.put(admin, name, body);
  }

  @Delete(':name')
  @HttpCode(204)
  @Answers(undefined, { status: 204 })
  @ApiOperation({ summary: 'Delete a secret (admin)' })
  async remove(@Param('name') name: string, @CurrentUser() admin: AuthUser) {
    await this.secrets.remove(admin, name);
  }
}
