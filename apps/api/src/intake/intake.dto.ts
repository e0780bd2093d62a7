import type { ChannelConfigRequest } from '@ticketflow/contract';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { INTAKE_CHANNELS, type FieldMapping } from './intake-channels.js';

export class ChannelConfigDto implements ChannelConfigRequest {
  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;

  @ApiPropertyOptional({
    description: 'Workflow of the tickets; null or absent: ticket.created routing rules decide',
    example: 'ecommerce-return',
    nullable: true,
  })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9-]{0,63}$/, {
    message: 'workflowKey must be a workflow key (lower-case letters, digits, dashes)',
  })
  workflowKey?: string | null;

  @ApiProperty({ example: 'Return for order {{fields.orderNumber}} ({{channel}})' })
  @IsString()
  @Length(1, 500)
  titleTemplate: string;

  @ApiProperty({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    example: [
      { field: 'orderNumber', from: 'Content', extract: 'order-number' },
      { field: 'trackingNumber', from: 'Content', extract: 'tracking-number' },
      { field: 'returnReason', path: 'reason' },
      { field: 'refundAmount', from: 'Content', extract: 'number-after:退款金额' },
    ],
  })
  @IsArray()
  fieldMappings: FieldMapping[];

  @ApiPropertyOptional({
    description: 'Username recorded as requester of the tickets; absent: you',
    nullable: true,
  })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  requester?: string | null;

  @ApiPropertyOptional({
    description:
      'Standard Webhooks secret senders sign with (16-200 characters, or whsec_<base64>); absent: keep the current one (or INTAKE_SECRET). A new one keeps the old one valid until dropPreviousSecret',
  })
  @IsOptional()
  @IsString()
  @Length(16, 200)
  secret?: string;

  @ApiPropertyOptional({
    description: 'End a rotation: the secret before the last change stops being accepted',
  })
  @IsOptional()
  @IsBoolean()
  dropPreviousSecret?: boolean;
}

export class IntakeMessagesQuery {
  @IsOptional() @IsIn(['accepted', 'rejected']) status?: string;
  @IsOptional() @IsIn(INTAKE_CHANNELS) channel?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) limit?: number;
}
