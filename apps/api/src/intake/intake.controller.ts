import type { ChannelConfig, IntakeMessage, IntakeResult } from '@ticketflow/contract';
import type { Sendable } from '../common/openapi/sendable.js';
import { Answers } from '../common/openapi/answers.decorator.js';
import { ChannelConfigSchema, IntakeMessageSchema, IntakeResultSchema } from '@ticketflow/contract';
import { Body, Controller, Get, Param, Post, Put, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Public } from '../auth/public.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { ChannelConfigDto, IntakeMessagesQuery } from './intake.dto.js';
import { IntakeChannelsService } from './intake-channels.service.js';
import type { RequestWithIntakeBody } from './intake-raw-body.js';
import { IntakeService } from './intake.service.js';

@ApiTags('intake')
@Controller('intake')
export class IntakeController {
  constructor(
    private readonly intake: IntakeService,
    private readonly channels: IntakeChannelsService,
  ) {}

  @Post(':channel')
  @Public()
  @ApiOperation({
    summary:
      'Inbound webhook of a channel (email, phone, wechat, app, other): a signed JSON payload becomes a typed ticket; every message is kept',
  })
  @ApiHeader({
    name: 'webhook-id',
    description:
      'Standard Webhooks delivery id: a retry of an accepted delivery returns its ticket; the id is refused anywhere else',
    required: true,
  })
  @ApiHeader({
    name: 'webhook-timestamp',
    description: 'Standard Webhooks: seconds since the epoch, at most 5 minutes off',
    required: true,
  })
  @ApiHeader({
    name: 'webhook-signature',
    description: 'Standard Webhooks: v1,<base64 HMAC-SHA256 of id.timestamp.body with the channel secret>',
    required: true,
  })
  @ApiBody({ schema: { type: 'object', additionalProperties: true } })
  @Answers(IntakeResultSchema, { status: 201 })
  receive(
    @Param('channel') channel: string,
    @Req() request: RequestWithIntakeBody,
  ): Promise<Sendable<IntakeResult>> {
    return this.intake.receive({
      channel,
      body: request.intakeBody ?? { bytes: Buffer.alloc(0), tooLarge: false },
      headers: {
        'webhook-id': request.header('webhook-id'),
        'webhook-timestamp': request.header('webhook-timestamp'),
        'webhook-signature': request.header('webhook-signature'),
      },
      contentType: request.header('content-type'),
      address: request.ip ?? 'unknown',
    });
  }

  @Get('channels')
  @Roles('admin')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Every intake channel and its configuration (secrets are never shown)' })
  @Answers([ChannelConfigSchema])
  listChannels(): Promise<Sendable<ChannelConfig[]>> {
    return this.channels.list();
  }

  @Get('channels/:channel')
  @Roles('admin')
  @ApiBearerAuth()
  @Answers(ChannelConfigSchema)
  @ApiOperation({ summary: 'One intake channel and its configuration (secrets are never shown)' })
  getChannel(@Param('channel') channel: string): Promise<Sendable<ChannelConfig>> {
    return this.channels.get(channel);
  }

  @Put('channels/:channel')
  @Roles('admin')
  @ApiBearerAuth()
  @ApiOperation({
    summary:
      'Configure a channel: workflow (or routing rules), title template, field mappings, requester, secret',
  })
  @Answers(ChannelConfigSchema)
  putChannel(
    @Param('channel') channel: string,
    @Body() body: ChannelConfigDto,
    @CurrentUser() user: AuthUser,
  ): Promise<Sendable<ChannelConfig>> {
    return this.channels.put(channel, body, user);
  }

  @Get('messages')
  @Roles('admin')
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Received intake messages, newest first: accepted with their ticket, rejected with the error',
  })
  @Answers([IntakeMessageSchema])
  messages(@Query() query: IntakeMessagesQuery): Promise<Sendable<IntakeMessage[]>> {
    return this.intake.messages(query);
  }
}
