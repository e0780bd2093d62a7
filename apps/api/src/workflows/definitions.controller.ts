import type { ValidationResult } from '@ticketflow/contract';
import type { Sendable } from '../common/openapi/sendable.js';
import { Answers } from '../common/openapi/answers.decorator.js';
import { ValidationResultSchema } from '@ticketflow/contract';
import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator.js';
import { DefinitionBodyDto } from './workflow.dto.js';
import { WorkflowsService } from './workflows.service.js';

@ApiTags('workflows')
@ApiBearerAuth()
@Controller('definitions')
export class DefinitionsController {
  constructor(private readonly workflows: WorkflowsService) {}

  @Post('validate')
  @HttpCode(200)
  @Roles('designer', 'admin')
  @ApiOperation({ summary: 'Validate a definition: every problem with code, severity and the node or edge' })
  @Answers(ValidationResultSchema)
  validate(@Body() body: DefinitionBodyDto): Sendable<ValidationResult> {
    return this.workflows.validate(body.definition);
  }
}
