import type {
  ApproveRequest,
  CompleteRequest,
  CreateDelegationRequest,
  DelegateTaskRequest,
  RejectRequest,
} from '@ticketflow/contract';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsDateString,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
} from 'class-validator';

export const VISIBILITIES = ['internal', 'public'] as const;

/** Who may read a comment: staff only (`internal`, the default) or the requester too (`public`). */
export type Visibility = (typeof VISIBILITIES)[number];

const visibilityMessage =
  'visibility must be "internal" (staff only) or "public" (the requester sees it too)';

/** What approve and reject share: field values the step's form lets the approver edit, and the comment's visibility. */
class DecisionExtrasDto {
  @ApiPropertyOptional({ enum: VISIBILITIES, default: 'internal' })
  @IsOptional()
  @IsIn(VISIBILITIES, { message: visibilityMessage })
  visibility?: Visibility;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: "Only fields the step's form marks editable",
  })
  @IsOptional()
  @IsObject({ message: 'fields must be an object of field values' })
  fields?: Record<string, unknown>;
}

export class ApproveDto extends DecisionExtrasDto implements ApproveRequest {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(4000) comment?: string;
}

export class RejectDto extends DecisionExtrasDto implements RejectRequest {
  @ApiProperty({ description: 'Why it is rejected (required)' })
  @IsString({ message: 'comment is required when rejecting: say why' })
  @Length(1, 4000, { message: 'comment is required when rejecting: say why (1-4000 characters)' })
  comment: string;
}

/** A decision as the service takes it. */
export type DecideDto = ApproveDto | RejectDto;

export class CompleteDto implements CompleteRequest {
  @ApiPropertyOptional({ example: 'completed' })
  @IsOptional()
  @IsString()
  @Matches(/^[\w-]{1,64}$/, { message: "outcome must be one of the step's outcome names" })
  outcome?: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  @IsOptional()
  @IsObject({ message: 'fields must be an object of field values' })
  fields?: Record<string, unknown>;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(4000) comment?: string;

  @ApiPropertyOptional({ enum: VISIBILITIES, default: 'internal' })
  @IsOptional()
  @IsIn(VISIBILITIES, { message: visibilityMessage })
  visibility?: Visibility;
}

export class DelegateTaskDto implements DelegateTaskRequest {
  @ApiProperty({ example: 'finance2' }) @IsString() @Length(1, 100) toUser: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(4000) comment?: string;
}

export class CreateDelegationDto implements CreateDelegationRequest {
  @ApiProperty({ example: 'finance2' }) @IsString() @Length(1, 100) toUser: string;
  @ApiPropertyOptional() @IsOptional() @IsDateString() startsAt?: string;
  @ApiPropertyOptional() @IsOptional() @IsDateString() endsAt?: string;
}

export class InboxQuery {
  @IsOptional() @IsString() @MaxLength(64) workflowKey?: string;
  @IsOptional() @IsIn(['task', 'approval']) kind?: 'task' | 'approval';
  @IsOptional() @IsIn(['low', 'normal', 'high', 'urgent']) priority?: string;
}
