import type { Deprecated, Draft, PublishResponse, VersionRow, WorkflowSummary } from '@ticketflow/contract';
import type { Sendable } from '../common/openapi/sendable.js';
import { Answers } from '../common/openapi/answers.decorator.js';
import {
  DeprecatedSchema,
  DraftSchema,
  PublishResponseSchema,
  VersionRowSchema,
  WorkflowSummarySchema,
} from '@ticketflow/contract';
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
  @Answers([WorkflowSummarySchema])
  list(): Promise<Sendable<WorkflowSummary[]>> {
    return this.workflows.list();
  }

  @Get(':key/draft')
  @Roles('designer', 'admin')
  @Answers(DraftSchema)
  @ApiOperation({ summary: 'The draft of a workflow with the problems it has now' })
  getDraft(@Param('key') key: string): Promise<Sendable<Draft>> {
    return this.workflows.getDraft(key);
  }

  @Put(':key/draft')
  @Roles('designer', 'admin')
  @ApiOperation({ summary: 'Save the draft (problems allowed and returned); 409 if someone saved meanwhile' })
  @Answers(DraftSchema)
  saveDraft(
    @Param('key') key: string,
    @Body() body: SaveDraftDto,
    @CurrentUser() user: AuthUser,
  ): Promise<Sendable<Draft>> {
    return this.workflows.saveDraft(key, body.definition, body.baseRevision, user);
  }

  @Post(':key/publish')
  @Roles('admin')
  @ApiOperation({ summary: 'Publish the draft as the next immutable version (422 with problems if invalid)' })
  @Answers(PublishResponseSchema, { status: 201 })
  publish(
    @Param('key') key: string,
    @Body() body: PublishDto,
    @CurrentUser() user: AuthUser,
  ): Promise<Sendable<PublishResponse>> {
    return this.workflows.publish(key, body.note, user);
  }

  @Get(':key/versions')
  @Answers([VersionRowSchema])
  @ApiOperation({
    summary:
      'Published versions, newest first; requesters read them without conditions unless the workflow marks them public',
  })
  versions(@Param('key') key: string, @CurrentUser() user: AuthUser): Promise<Sendable<VersionRow[]>> {
    return this.workflows.versions(key, user);
  }

  @Get(':key/versions/:version')
  @Answers(VersionRowSchema)
  @ApiOperation({
    summary: 'One published version with its definition (for requesters, without conditions unless public)',
  })
  version(
    @Param('key') key: string,
    @Param('version', ParseIntPipe) version: number,
    @CurrentUser() user: AuthUser,
  ): Promise<Sendable<VersionRow>> {
    return this.workflows.version(key, version, user);
  }

  @Post(':key/versions/:version/deprecate')
  @HttpCode(200)
  @Roles('admin')
  @Answers(DeprecatedSchema)
  @ApiOperation({
    summary: 'Deprecate a version: running tickets finish on it, new tickets start on the newest other',
  })
  deprecate(
    @Param('key') key: string,
    @Param('version', ParseIntPipe) version: number,
    @CurrentUser() user: AuthUser,
  ): Promise<Sendable<Deprecated>> {
    return this.workflows.deprecate(key, version, user);
  }
}
