import { Answers } from '../common/openapi/answers.decorator.js';
import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { InboxStream } from './inbox-stream.service.js';
import { LiveStreamQuery } from './live.dto.js';

@ApiTags('live')
@ApiBearerAuth()
@Controller('live')
export class LiveController {
  constructor(private readonly stream: InboxStream) {}

  /**
   * Read with fetch streaming and the Authorization header (not EventSource,
   * which cannot send headers and would put the token in the URL and logs).
   */
  @Get('inbox')
  @ApiProduces('text/event-stream')
  @ApiOperation({
    summary:
      'Server-Sent Events: "inbox" whenever the caller\'s inbox may have changed (no data; refetch GET /api/tasks)',
  })
  @Answers(
    { type: 'string', description: 'Server-Sent Events: `event: inbox` lines' },
    { mediaType: 'text/event-stream' },
  )
  async inbox(
    @Query() query: LiveStreamQuery,
    @CurrentUser() user: AuthUser,
    @Res() response: Response,
  ): Promise<void> {
    await this.stream.open(user, response, query.maxSeconds);
  }
}
