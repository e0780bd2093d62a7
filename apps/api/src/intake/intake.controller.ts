import { Body, Controller, Get, Param, Post, Put, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Public } from '../auth/public.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { ChannelConfigDto, IntakeMessagesQuery } from './intake.dto.js';
import { IntakeChannelsService } from './intake-channels.service.js';
import type { RequestWithIntakeBody } from './intake-raw-body.js';
import { SIGNATURE_HEADER } from './intake-signature.js';
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
  @ApiOperation({ summary: 'Inbound webhook of a channel (email, phone, wechat, app, other): a signed JSON payload becomes a typed ticket; every message is kept' })
  @ApiHeader({ name: 'X-Ticketflow-Signature', description: 'sha256=<hex HMAC-SHA256 of the raw body with the channel secret>', required: true })
  @ApiHeader({ name: 'X-Ticketflow-Delivery', description: 'Optional delivery id: a repeat returns the ticket of the first delivery', required: false })
  @ApiBody({ schema: { type: 'object', additionalProperties: true } })
  receive(@Param('channel') channel: string, @Req() request: RequestWithIntakeBody) {
    return this.intake.receive({
      channel,
      body: request.intakeBody ?? { bytes: Buffer.alloc(0), tooLarge: false },
      signature: request.header(SIGNATURE_HEADER),
      deliveryId: request.header('x-ticketflow-delivery'),
      contentType: request.header('content-type'),
    });
  }

  @Get('channels')
  @Roles('admin')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Every intake channel and its configuration (secrets are never shown)' })
  listChannels() {
    return this.channels.list();
  }

  @Get('channels/:channel')
  @Roles('admin')
  @ApiBearerAuth()
  getChannel(@Param('channel') channel: string) {
    return this.channels.get(channel);
  }

  @Put('channels/:channel')
  @Roles('admin')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Configure a channel: workflow (or routing rules), title template, field mappings, requester, secret' })
  putChannel(@Param('channel') channel: string, @Body() body: ChannelConfigDto, @CurrentUser() user: AuthUser) {
    return this.channels.put(channel, body, user);
  }

  @Get('messages')
  @Roles('admin')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Received intake messages, newest first: accepted with their ticket, rejected with the error' })
  messages(@Query() query: IntakeMessagesQuery) {
    return this.intake.messages(query);
  }
}
