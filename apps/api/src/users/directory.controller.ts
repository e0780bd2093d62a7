import type { Directory, DirectoryUser, Template } from '@ticketflow/contract';
import type { Sendable } from '../common/openapi/sendable.js';
import { Answers } from '../common/openapi/answers.decorator.js';
import { DirectorySchema, TemplateSchema } from '@ticketflow/contract';
import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Roles } from '../auth/roles.decorator.js';
import { WorkflowTemplates } from '../workflows/workflow-templates.js';

@ApiTags('directory')
@ApiBearerAuth()
@Controller()
export class DirectoryController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly templates: WorkflowTemplates,
  ) {}

  @Get('directory')
  @Roles('designer', 'admin')
  @ApiOperation({ summary: 'Users, roles, groups and regions, for assignee and approver pickers' })
  @Answers(DirectorySchema)
  async directory(): Promise<Sendable<Directory>> {
    const users = (await this.dataSource.query(
      `SELECT id, username, display_name AS "displayName", roles, skills, regions, groups FROM users WHERE active ORDER BY username`,
    )) as (DirectoryUser & { skills: string[]; regions: string[]; groups: string[] })[];
    const roles = await this.dataSource.query('SELECT name, label FROM roles ORDER BY name');
    const distinct = (pick: (user: (typeof users)[number]) => string[]) =>
      [...new Set(users.flatMap(pick))].sort();
    return {
      users,
      roles,
      groups: distinct((user) => user.groups),
      regions: distinct((user) => user.regions),
      skills: distinct((user) => user.skills),
    };
  }

  @Get('templates')
  @Roles('designer', 'admin')
  @ApiOperation({ summary: 'Example workflows to start a new one from' })
  @Answers([TemplateSchema])
  list(): Sendable<Template[]> {
    return this.templates.list();
  }
}
