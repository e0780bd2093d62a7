import type { Priority, SlaPolicyRequest } from '@ticketflow/contract';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { BREACH_ACTIONS } from './sla-escalation.js';

export class SlaPolicyDto implements SlaPolicyRequest {
  @ApiProperty({ example: 'refund-approval' })
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9-]{0,63}$/, {
    message: 'workflowKey must be a workflow key (lower-case letters, digits, dashes)',
  })
  workflowKey: string;

  @ApiPropertyOptional({
    enum: ['low', 'normal', 'high', 'urgent'],
    description: 'Absent: every priority without its own policy',
  })
  @IsOptional()
  @IsIn(['low', 'normal', 'high', 'urgent'])
  priority?: Priority;

  @ApiPropertyOptional({ example: 60, description: 'Minutes until a person first acts on the ticket' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(525_600)
  responseMinutes?: number;

  @ApiPropertyOptional({ example: 480, description: 'Minutes until the ticket is closed' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(525_600)
  resolutionMinutes?: number;

  @ApiPropertyOptional({ description: 'Count only working time of the business calendar' })
  @IsOptional()
  @IsBoolean()
  businessHours?: boolean;

  @ApiPropertyOptional({
    example: 20,
    description: 'Warn when this share of the target is left (0: no warning)',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(99)
  warnBeforePercent?: number;

  @ApiPropertyOptional({
    description:
      'Stop the clocks while every active step is a wait node (waiting on the requester or another system)',
  })
  @IsOptional()
  @IsBoolean()
  pauseWhileWaiting?: boolean;

  @ApiPropertyOptional({
    enum: BREACH_ACTIONS,
    description:
      'On breach: notify, reassign open steps to escalationRole, or follow the step’s timeout edge',
  })
  @IsOptional()
  @IsIn(BREACH_ACTIONS)
  breachAction?: (typeof BREACH_ACTIONS)[number];

  @ApiPropertyOptional({ example: 'manager' })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z][a-z0-9-]{0,63}$/, { message: 'escalationRole must be a role name' })
  escalationRole?: string;
}
