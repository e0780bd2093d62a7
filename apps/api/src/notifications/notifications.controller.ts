import type { AppNotification, UnreadCount } from '@ticketflow/contract';
import type { Sendable } from '../common/openapi/sendable.js';
import { Answers } from '../common/openapi/answers.decorator.js';
import { NotificationSchema, UnreadCountSchema } from '@ticketflow/contract';
import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { NotificationsService } from './notifications.service.js';

const uuid = new ParseUUIDPipe({ version: '4', errorHttpStatusCode: 404 });

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOperation({ summary: "The caller's notifications, newest first (?unread=true for unread only)" })
  @ApiQuery({ name: 'unread', required: false, type: Boolean })
  @Answers([NotificationSchema])
  list(
    @CurrentUser() user: AuthUser,
    @Query('unread') unread?: string,
  ): Promise<Sendable<AppNotification[]>> {
    return this.notifications.list(user, unread === 'true' || unread === '1');
  }

  @Get('unread-count')
  @ApiOperation({ summary: 'How many notifications the caller has not read' })
  @Answers(UnreadCountSchema)
  unreadCount(@CurrentUser() user: AuthUser): Promise<Sendable<UnreadCount>> {
    return this.notifications.unreadCount(user);
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark one of the caller’s notifications read' })
  @Answers(NotificationSchema)
  markRead(@Param('id', uuid) id: string, @CurrentUser() user: AuthUser): Promise<Sendable<AppNotification>> {
    return this.notifications.markRead(id, user);
  }
}
