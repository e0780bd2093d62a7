import type { MigrationReport } from '@ticketflow/contract';
import type { Sendable } from '../common/openapi/sendable.js';
import { Answers } from '../common/openapi/answers.decorator.js';
import { MigrationReportSchema } from '@ticketflow/contract';
import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { MigrationDto } from './migration.dto.js';
import { MigrationsService } from './migrations.service.js';

@ApiTags('versions')
@ApiBearerAuth()
@Controller('workflows')
export class MigrationsController {
  constructor(private readonly migrations: MigrationsService) {}

  @Post(':key/migrations')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({
    summary:
      'Move running tickets to another version by node mapping: a dry run (default) says per ticket whether it can move and why not; dryRun: false moves them, one transaction each',
  })
  @Answers(MigrationReportSchema)
  migrate(
    @Param('key') key: string,
    @Body() body: MigrationDto,
    @CurrentUser() user: AuthUser,
  ): Promise<Sendable<MigrationReport>> {
    return this.migrations.migrate(key, body, user);
  }
}
