import { Answers } from '../common/openapi/answers.decorator.js';
import {
  TicketCommentSchema,
  TicketSchema,
  TransitionSchema,
  type Ticket,
  type TicketComment,
  type Transition,
} from '@ticketflow/contract';
import type { Sendable } from '../common/openapi/sendable.js';
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { CancelTicketDto, CommentDto, CreateTicketDto, TicketListQuery } from './ticket.dto.js';
import { TicketsService } from './tickets.service.js';

const uuid = new ParseUUIDPipe({ version: '4', errorHttpStatusCode: 404 });

@ApiTags('tickets')
@ApiBearerAuth()
@Controller('tickets')
export class TicketsController {
  constructor(private readonly tickets: TicketsService) {}

  @Post()
  @ApiOperation({ summary: 'Create a ticket; it starts on the latest published version of its workflow' })
  @Answers(TicketSchema, { status: 201 })
  create(@Body() body: CreateTicketDto, @CurrentUser() user: AuthUser): Promise<Sendable<Ticket>> {
    return this.tickets.create(body, user);
  }

  @Get()
  @ApiOperation({ summary: 'Tickets visible to the caller' })
  @Answers([TicketSchema])
  list(@Query() query: TicketListQuery, @CurrentUser() user: AuthUser): Promise<Sendable<Ticket[]>> {
    return this.tickets.list(user, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One ticket: fields, status, where it is now' })
  @Answers(TicketSchema)
  get(@Param('id', uuid) id: string, @CurrentUser() user: AuthUser): Promise<Sendable<Ticket>> {
    return this.tickets.get(id, user);
  }

  @Get(':id/transitions')
  @ApiOperation({ summary: 'Every transition of the ticket, in order' })
  @Answers([TransitionSchema])
  transitions(@Param('id', uuid) id: string, @CurrentUser() user: AuthUser): Promise<Sendable<Transition[]>> {
    return this.tickets.transitions(id, user);
  }

  @Get(':id/comments')
  @ApiOperation({ summary: "The ticket's comments (the requester: public ones, without staff names)" })
  @Answers([TicketCommentSchema])
  comments(@Param('id', uuid) id: string, @CurrentUser() user: AuthUser): Promise<Sendable<TicketComment[]>> {
    return this.tickets.comments(id, user);
  }

  @Post(':id/comments')
  @ApiOperation({ summary: 'Comment on the ticket (internal by default; the requester’s are public)' })
  @Answers(TicketCommentSchema, { status: 201 })
  addComment(
    @Param('id', uuid) id: string,
    @Body() body: CommentDto,
    @CurrentUser() user: AuthUser,
  ): Promise<Sendable<TicketComment>> {
    return this.tickets.addComment(id, body, user);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel the ticket (requester or admin)' })
  @Answers(TicketSchema)
  cancel(
    @Param('id', uuid) id: string,
    @Body() body: CancelTicketDto,
    @CurrentUser() user: AuthUser,
  ): Promise<Sendable<Ticket>> {
    return this.tickets.cancel(id, body.reason, user);
  }
}
