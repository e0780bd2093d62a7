import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsIn, IsObject, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';

export class ApproveDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(4000) comment?: string;
}

export class RejectDto {
  @ApiProperty({ description: 'Why it is rejected (required)' })
  @IsString({ message: 'comment is required when rejecting: say why' })
  @Length(1, 4000, { message: 'comment is required when rejecting: say why (1-4000 characters)' })
  comment: string;
}

export class CompleteDto {
  @ApiPropertyOptional({ example: 'completed' })
  @IsOptional()
  @IsString()
  @Matches(/^[\w-]{1,64}$/, { message: 'outcome must be one of the step\'s outcome names' })
  outcome?: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  @IsOptional()
  @IsObject({ message: 'fields must be an object of field values' })
  fields?: Record<string, unknown>;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(4000) comment?: string;
}

export class DelegateTaskDto {
  @ApiProperty({ example: 'finance2' }) @IsString() @Length(1, 100) toUser: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(4000) comment?: string;
}

export class CreateDelegationDto {
  @ApiProperty({ example: 'finance2' }) @IsString() @Length(1, 100) toUser: string;
  @ApiPropertyOptional() @IsOptional() @IsDateString() startsAt?: string;
  @ApiPropertyOptional() @IsOptional() @IsDateString() endsAt?: string;
}

export class InboxQuery {
  @IsOptional() @IsString() @MaxLength(64) workflowKey?: string;
  @IsOptional() @IsIn(['task', 'approval']) kind?: 'task' | 'approval';
  @IsOptional() @IsIn(['low', 'normal', 'high', 'urgent']) priority?: string;
}
