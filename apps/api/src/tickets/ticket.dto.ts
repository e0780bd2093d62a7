import type { CancelTicketRequest, CommentRequest, CreateTicketRequest } from '@ticketflow/contract';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsObject, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';

export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export const CHANNELS = ['web', 'email', 'phone', 'wechat', 'app', 'api'] as const;

export class CreateTicketDto implements CreateTicketRequest {
  @ApiProperty({ example: 'refund-approval' })
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9-]{0,63}$/, {
    message: 'workflowKey must be a workflow key (lower-case letters, digits, dashes)',
  })
  workflowKey: string;

  @ApiProperty({ example: 'Refund for order 1042' })
  @IsString()
  @Length(1, 200)
  title: string;

  @ApiProperty({ type: 'object', additionalProperties: true, example: { refundAmount: 6200 } })
  @IsObject({ message: 'fields must be an object of field values' })
  fields: Record<string, unknown>;

  @ApiPropertyOptional({ enum: PRIORITIES })
  @IsOptional()
  @IsIn(PRIORITIES)
  priority?: (typeof PRIORITIES)[number];

  @ApiPropertyOptional({ enum: CHANNELS })
  @IsOptional()
  @IsIn(CHANNELS)
  channel?: (typeof CHANNELS)[number];
}

export class CancelTicketDto implements CancelTicketRequest {
  @ApiProperty({ example: 'Customer withdrew the request' })
  @IsString()
  @Length(1, 2000)
  reason: string;
}

export class TicketListQuery {
  @IsOptional() @IsString() @MaxLength(64) workflowKey?: string;
  @IsOptional() @IsIn(['active', 'completed', 'cancelled', 'incident']) status?: string;
  @IsOptional() @IsString() @MaxLength(200) q?: string;
}

export class CommentDto implements CommentRequest {
  @ApiProperty({ example: 'We have asked the courier for the parcel.' })
  @IsString({ message: 'text is required: write the comment' })
  @Length(1, 4000, { message: 'text must be 1-4000 characters' })
  text: string;

  @ApiPropertyOptional({
    enum: ['internal', 'public'],
    default: 'internal',
    description: "Staff only, or the requester too (the requester's own comments are always public)",
  })
  @IsOptional()
  @IsIn(['internal', 'public'], {
    message: 'visibility must be "internal" (staff only) or "public" (the requester sees it too)',
  })
  visibility?: 'internal' | 'public';
}
