import type { DiffResponse, ImpactReport } from '@ticketflow/contract';
import type { Sendable } from '../common/openapi/sendable.js';
import { Answers } from '../common/openapi/answers.decorator.js';
import { DiffResponseSchema, ImpactReportSchema } from '@ticketflow/contract';
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator.js';
import { parseRef } from './definition-ref.js';
import { DiffService } from './diff.service.js';
import { ImpactService } from './impact.service.js';
import { DiffQuery, ImpactDto } from './versions.dto.js';

@ApiTags('versions')
@ApiBearerAuth()
@Controller('workflows')
export class VersionsController {
  constructor(
    private readonly diffs: DiffService,
    private readonly impacts: ImpactService,
  ) {}

  @Get(':key/diff')
  @Roles('designer', 'admin')
  @ApiOperation({
    summary:
      'Differences between two versions or a version and the draft: added/removed/changed nodes and edges, and the changes in words',
  })
  @Answers(DiffResponseSchema)
  diff(@Param('key') key: string, @Query() query: DiffQuery): Promise<Sendable<DiffResponse>> {
    return this.diffs.diff(key, parseRef(query.from), parseRef(query.to), query.lang);
  }

  @Post(':key/impact')
  @HttpCode(200)
  @Roles('designer', 'admin')
  @ApiOperation({
    summary:
      "Replay the latest version's recent tickets through the draft: how many would route differently, and where",
  })
  @Answers(ImpactReportSchema)
  impact(@Param('key') key: string, @Body() body: ImpactDto): Promise<Sendable<ImpactReport>> {
    return this.impacts.preview(key, body.limit);
  }
}
