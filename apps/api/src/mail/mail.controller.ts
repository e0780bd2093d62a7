import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  type MailChannel,
  MailChannelListSchema,
  MailChannelSchema,
  type MailMessage,
  MailMessageListSchema,
} from '@ticketflow/contract';
import type { Sendable } from '../common/openapi/sendable.js';
import { Answers } from '../common/openapi/answers.decorator.js';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { MailChannelDto, MailMessagesQuery } from './mail-channel.dto.js';
import { MailChannelsService } from './mail-channels.service.js';
import { MailIntakeService } from './mail-intake.service.js';

/** Admin configuration of inbound e-mail channels and the log of what arrived. */
@ApiTags('mail')
@ApiBearerAuth()
@Controller('mail')
export class MailController {
  constructor(
    private readonly channels: MailChannelsService,
    private readonly intake: MailIntakeService,
  ) {}

  @Get('channels')
  @Roles('admin')
  @ApiOperation({ summary: 'Inbound e-mail addresses and how their mail becomes tickets' })
  @Answers(MailChannelListSchema)
  list(): Promise<Sendable<MailChannel[]>> {
    return this.channels.list();
  }

  @Post('channels')
  @Roles('admin')
  @ApiOperation({ summary: 'Create (or replace, by address) an inbound e-mail channel' })
  @Answers(MailChannelSchema, { status: 201 })
  create(@Body() body: MailChannelDto, @CurrentUser() user: AuthUser): Promise<Sendable<MailChannel>> {
    return this.channels.save(body, user);
  }

  @Put('channels/:id')
  @Roles('admin')
  @ApiOperation({ summary: 'Replace an inbound e-mail channel' })
  @Answers(MailChannelSchema)
  update(
    @Param('id') id: string,
    @Body() body: MailChannelDto,
    @CurrentUser() user: AuthUser,
  ): Promise<Sendable<MailChannel>> {
    return this.channels.save(body, user, id);
  }

  @Delete('channels/:id')
  @Roles('admin')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove an inbound e-mail channel (its message log stays)' })
  @Answers(undefined, { status: 204 })
  async remove(@Param('id') id: string, @CurrentUser() user: AuthUser): Promise<void> {
    await this.channels.remove(id, user);
  }

  @Get('messages')
  @Roles('admin')
  @ApiOperation({
    summary:
      'Inbound e-mails, newest first, with what became of each (ticket, comment, ignored, rejected and why)',
  })
  @Answers(MailMessageListSchema)
  messages(@Query() query: MailMessagesQuery): Promise<Sendable<MailMessage[]>> {
    return this.intake.messages(query);
  }
}
