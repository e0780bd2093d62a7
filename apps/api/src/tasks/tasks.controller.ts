import type { Task } from '@ticketflow/contract';
import type { Sendable } from '../common/openapi/sendable.js';
import { Answers } from '../common/openapi/answers.decorator.js';
import { TaskSchema } from '@ticketflow/contract';
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { ApproveDto, CompleteDto, DelegateTaskDto, InboxQuery, RejectDto } from './task.dto.js';
import { TasksService } from './tasks.service.js';

const uuid = new ParseUUIDPipe({ version: '4', errorHttpStatusCode: 404 });

@ApiTags('tasks')
@ApiBearerAuth()
@Controller('tasks')
export class TasksController {
  constructor(private readonly tasks: TasksService) {}

  @Get()
  @ApiOperation({ summary: "The caller's inbox: open steps for them or their roles" })
  @Answers([TaskSchema])
  inbox(@Query() query: InboxQuery, @CurrentUser() user: AuthUser): Promise<Sendable<Task[]>> {
    return this.tasks.inbox(user, query);
  }

  @Get(':id')
  @Answers(TaskSchema)
  @ApiOperation({
    summary:
      'One task with its form and the values it shows (its eligible people, who completed it, admins; 404 for others)',
  })
  get(@Param('id', uuid) id: string, @CurrentUser() user: AuthUser): Promise<Sendable<Task>> {
    return this.tasks.get(id, user);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @ApiOperation({ summary: 'Approve (eligible approvers; 409 if already decided)' })
  @Answers(TaskSchema)
  approve(
    @Param('id', uuid) id: string,
    @Body() body: ApproveDto,
    @CurrentUser() user: AuthUser,
  ): Promise<Sendable<Task>> {
    return this.tasks.approve(id, body, user);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reject with a comment' })
  @Answers(TaskSchema)
  reject(
    @Param('id', uuid) id: string,
    @Body() body: RejectDto,
    @CurrentUser() user: AuthUser,
  ): Promise<Sendable<Task>> {
    return this.tasks.reject(id, body, user);
  }

  @Post(':id/complete')
  @HttpCode(200)
  @ApiOperation({ summary: 'Complete a task with an outcome and field values' })
  @Answers(TaskSchema)
  complete(
    @Param('id', uuid) id: string,
    @Body() body: CompleteDto,
    @CurrentUser() user: AuthUser,
  ): Promise<Sendable<Task>> {
    return this.tasks.complete(id, body, user);
  }

  @Post(':id/claim')
  @HttpCode(200)
  @Answers(TaskSchema)
  @ApiOperation({
    summary: 'Take a role task for oneself so colleagues see it is handled (409 if someone has it)',
  })
  claim(@Param('id', uuid) id: string, @CurrentUser() user: AuthUser): Promise<Sendable<Task>> {
    return this.tasks.claim(id, user);
  }

  @Post(':id/release')
  @HttpCode(200)
  @Answers(TaskSchema)
  @ApiOperation({ summary: 'Release a claimed task back to its role' })
  release(@Param('id', uuid) id: string, @CurrentUser() user: AuthUser): Promise<Sendable<Task>> {
    return this.tasks.release(id, user);
  }

  @Post(':id/delegate')
  @HttpCode(200)
  @Answers(TaskSchema)
  @ApiOperation({ summary: 'Hand a task to another user (who must have its role, if it has one)' })
  delegate(
    @Param('id', uuid) id: string,
    @Body() body: DelegateTaskDto,
    @CurrentUser() user: AuthUser,
  ): Promise<Sendable<Task>> {
    return this.tasks.delegate(id, body.toUser, user);
  }
}
