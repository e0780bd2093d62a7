import type { RuleRequest } from '@ticketflow/contract';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Max,
  Min,
} from 'class-validator';
import { RULE_TRIGGERS, type RuleAction, type RuleTrigger } from './rule.types.js';

/** A rule as an admin writes it; the condition and actions are checked by `checkRule`. */
// The condition arrives as any object; checkRule checks it against the Condition format.
export class RuleBodyDto implements Omit<RuleRequest, 'condition'> {
  @ApiProperty({ example: 'WeChat refunds over 5,000 are urgent' })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiProperty({ enum: RULE_TRIGGERS })
  @IsIn(RULE_TRIGGERS)
  trigger: RuleTrigger;

  @ApiPropertyOptional({ description: 'Evaluation order: lower first', example: 10 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  position?: number;

  @ApiPropertyOptional({
    description:
      'json-rules-engine condition over ticket fields and ticket.channel / ticket.priority / ticket.workflowKey / event.nodeId / event.field / event.sla; absent: always',
    type: 'object',
    additionalProperties: true,
    example: {
      all: [
        { fact: 'ticket.channel', operator: 'equal', value: 'wechat' },
        { fact: 'refundAmount', operator: 'greaterThan', value: 5000 },
      ],
    },
  })
  @IsOptional()
  @IsObject()
  condition?: Record<string, unknown> | null;

  @ApiProperty({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    example: [
      { type: 'set-priority', priority: 'urgent' },
      { type: 'add-tag', tag: 'vip' },
    ],
  })
  @IsArray()
  actions: RuleAction[];

  @ApiPropertyOptional({
    description: 'When this rule matches, later rules for the same happening are skipped',
    default: false,
  })
  @IsOptional()
  @IsBoolean()
  stopProcessing?: boolean;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}
