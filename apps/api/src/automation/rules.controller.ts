import type { AutomationRule } from '@ticketflow/contract';
import type { Sendable } from '../common/openapi/sendable.js';
import { Answers } from '../common/openapi/answers.decorator.js';
import { AutomationRuleSchema } from '@ticketflow/contract';
import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { RuleBodyDto } from './rule.dto.js';
import { RulesService } from './rules.service.js';

@ApiTags('automation')
@ApiBearerAuth()
@Roles('admin')
@Controller('rules')
export class RulesController {
  constructor(private readonly rules: RulesService) {}

  @Get()
  @ApiOperation({ summary: 'Every automation rule, by trigger and evaluation order' })
  @Answers([AutomationRuleSchema])
  list(): Promise<Sendable<AutomationRule[]>> {
    return this.rules.list();
  }

  @Post()
  @ApiOperation({ summary: 'Create a rule (trigger, order, condition, actions, stop-at-first-match)' })
  @Answers(AutomationRuleSchema, { status: 201 })
  create(@Body() body: RuleBodyDto, @CurrentUser() user: AuthUser): Promise<Sendable<AutomationRule>> {
    return this.rules.create(body, user);
  }

  @Get(':id')
  @Answers(AutomationRuleSchema)
  @ApiOperation({ summary: 'One automation rule' })
  get(@Param('id') id: string): Promise<Sendable<AutomationRule>> {
    return this.rules.get(id);
  }

  @Put(':id')
  @ApiOperation({ summary: 'Replace a rule' })
  @Answers(AutomationRuleSchema)
  replace(
    @Param('id') id: string,
    @Body() body: RuleBodyDto,
    @CurrentUser() user: AuthUser,
  ): Promise<Sendable<AutomationRule>> {
    return this.rules.replace(id, body, user);
  }

  @Delete(':id')
  @HttpCode(204)
  @Answers(undefined, { status: 204 })
  @ApiOperation({ summary: 'Delete an automation rule; its past firings stay recorded' })
  async remove(@Param('id') id: string, @CurrentUser() user: AuthUser): Promise<void> {
    await this.rules.remove(id, user);
  }
}
