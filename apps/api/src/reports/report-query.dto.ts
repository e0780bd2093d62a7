import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';
import { CHANNELS, PRIORITIES } from '../tickets/ticket.dto.js';

const DATE_MESSAGE = (field: string) =>
  `${field} must be an ISO-8601 date such as 2026-01-31 (a whole day) or 2026-01-31T08:00:00Z`;

/**
 * Filters every report takes. They select tickets: of a workflow (and version),
 * created in [from, to), of a channel and priority, and — `group` — that had a
 * step for that role; task-level reports also keep only that role's steps.
 * `format=csv` answers a CSV file instead of JSON.
 */
export class ReportQuery {
  @ApiPropertyOptional({ example: 'refund-approval' })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9-]{0,63}$/, {
    message: 'workflowKey must be a workflow key (lower-case letters, digits, dashes)',
  })
  workflowKey?: string;

  @ApiPropertyOptional({ description: 'Published version number of workflowKey (needs workflowKey)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'version must be a whole version number' })
  @Min(1, { message: 'version must be 1 or more' })
  version?: number;

  @ApiPropertyOptional({
    description: 'Tickets created from (inclusive). A date alone means its start, UTC.',
    example: '2026-01-01',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: DATE_MESSAGE('from') })
  from?: string;

  @ApiPropertyOptional({
    description: 'Tickets created before (exclusive); a date alone includes that whole day, UTC.',
    example: '2026-01-31',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: DATE_MESSAGE('to') })
  to?: string;

  @ApiPropertyOptional({ enum: CHANNELS })
  @IsOptional()
  @IsIn(CHANNELS, { message: `channel must be one of: ${CHANNELS.join(', ')}` })
  channel?: string;

  @ApiPropertyOptional({ enum: PRIORITIES })
  @IsOptional()
  @IsIn(PRIORITIES, { message: `priority must be one of: ${PRIORITIES.join(', ')}` })
  priority?: string;

  @ApiPropertyOptional({
    description: 'A role (group): tickets that had a step for it, and only its steps',
    example: 'finance',
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  @Matches(/^[a-z0-9][a-z0-9_-]*$/, { message: 'group must be a role name' })
  group?: string;

  @ApiPropertyOptional({
    enum: ['json', 'csv'],
    description: 'csv: a file download (Content-Disposition) instead of JSON',
  })
  @IsOptional()
  @IsIn(['json', 'csv'], { message: 'format must be json or csv' })
  format?: 'json' | 'csv';
}
