import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { PublishDto, SaveDraftDto } from './workflow.dto.js';
import { WorkflowsService } from './workflows.service.js';

@ApiTags('workflows')
@ApiBearerAuth()
@Controller('workflows')
export class WorkflowsController {
  constructor(private readonly workflows: WorkflowsService) {}

  @Get()
  @ApiOperation({ summary: 'Every workflow with its latest version and draft state' })
  list() {
    return this.workflows.list();
  }

  @Get(':key/draft')
  @Roles('designer', 'admin')
  getDraft(@Param('key') key: string) {
    return this.workflows.getDraft(key);
  }

  @Put(':key/draft')
  @Roles('designer', 'admin')
  @ApiOperation({ summary: 'Save the draft (problems allowed and returned); 409 if someone saved meanwhile' })
  saveDraft(@Param('key') key: string, @Body() body: SaveDraftDto, @CurrentUser() user: AuthUser) {
    return this.workflows.saveDraft(key, body.definition, body.baseRevision, user);
  }

  @Post(':key/publish')
  @Roles('admin')
  @ApiOperation({ summary: 'Publish the draft as the next immutable version (422 with problems if invalid)' })
  publish(@Param('key') key: string, @Body() body: PublishDto, @CurrentUser() user: AuthUser) {
    return this.workflows.publish(key, body.note, user);
  }

  @Get(':key/versions')
  @ApiOperation({
    summary:
      'Published versions; requesters read them without conditions unless the workflow marks them public',
  })
  versions(@Param('key') key: string, @CurrentUser() user: AuthUser) {
    return this.workflows.versions(key, user);
  }

  @Get(':key/versions/:version')
  version(
    @Param('key') key: string,
    @Param('version', ParseIntPipe) version: number,
    @CurrentUser() user: AuthUser,
  ) {
    return this.workflows.version(key, version, user);
  }

  @Post(':key/versions/:version/deprecate')
  @HttpCode(200)
  @Roles('admin')
  deprecate(
    @Param('key') key: string,
    @Param('version', ParseIntPipe) version: number,
    @CurrentUser() user: AuthUser,
  ) {
    return this.workflows.deprecate(key, version, user);
  }
}
