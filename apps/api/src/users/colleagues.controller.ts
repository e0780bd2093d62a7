import { Answers } from '../common/openapi/answers.decorator.js';
import { ColleagueSchema } from '@ticketflow/contract';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { ColleaguesQuery } from './colleagues.dto.js';

export interface Colleague {
  username: string;
  displayName: string;
}

/**
 * Names of active people, for "delegate to…" pickers. Any signed-in user may
 * ask, so it answers only username and display name (the full directory with
 * roles, skills and regions is for designers and admins).
 */
@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class ColleaguesController {
  constructor(private readonly dataSource: DataSource) {}

  @Get('colleagues')
  @ApiOperation({ summary: 'Active users (username and display name), optionally only one role' })
  @Answers([ColleagueSchema])
  async colleagues(@Query() query: ColleaguesQuery): Promise<Colleague[]> {
    return (await this.dataSource.query(
      `SELECT username, coalesce(display_name, username) AS "displayName" FROM users
        WHERE active AND ($1::text IS NULL OR $1 = ANY(roles)) ORDER BY username LIMIT 500`,
      [query.role ?? null],
    )) as Colleague[];
  }
}
