import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';
import type { FieldMapping } from '../intake/intake-channels.js';

export const UNKNOWN_SENDER_POLICIES = ['reject', 'fallback'] as const;
export type UnknownSenderPolicy = (typeof UNKNOWN_SENDER_POLICIES)[number];

/** An inbound e-mail address and how its mail becomes tickets. */
export class MailChannelDto {
  @ApiProperty({
    example: 'support@acme.test',
    description: 'The address mail is sent to (the SMTP recipient)',
  })
  @IsEmail({}, { message: 'address must be an e-mail address' })
  @Length(3, 254)
  address: string;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;

  @ApiProperty({ example: 'refund-approval' })
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9-]{0,63}$/, {
    message: 'workflowKey must be a workflow key (lower-case letters, digits, dashes)',
  })
  workflowKey: string;

  @ApiPropertyOptional({
    example: '{{subject}}',
    description: '{{subject}}, {{from}}, {{fromName}}, {{fields.name}}; default {{subject}}',
  })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  titleTemplate?: string;

  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    description:
      'As intake channels: { field, path } over subject / body / from / fromName, { field, from: "body", extract: "number-after:Amount" }, or { field, value }',
    example: [{ field: 'refundAmount', from: 'body', extract: 'number-after:Amount' }],
  })
  @IsOptional()
  @IsArray()
  fieldMappings?: FieldMapping[];

  @ApiPropertyOptional({
    enum: UNKNOWN_SENDER_POLICIES,
    description: 'A sender who is no user: reject (default), or open the ticket as fallbackRequester',
  })
  @IsOptional()
  @IsIn(UNKNOWN_SENDER_POLICIES, {
    message: `unknownSender must be one of: ${UNKNOWN_SENDER_POLICIES.join(', ')}`,
  })
  unknownSender?: UnknownSenderPolicy;

  @ApiPropertyOptional({
    description: 'Username the tickets of unknown senders are opened for (with unknownSender=fallback)',
  })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  fallbackRequester?: string | null;

  @ApiPropertyOptional({
    type: [String],
    example: ['acme.test'],
    description: 'Only senders of these domains (and sub-domains); empty: any',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @Matches(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/, {
    each: true,
    message: 'allowedDomains must be lower-case domain names such as acme.test',
  })
  allowedDomains?: string[];

  @ApiPropertyOptional({ default: 10485760, description: 'Largest e-mail accepted, in bytes (1 KB – 50 MB)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1024)
  @Max(52428800)
  maxBytes?: number;
}

export class MailMessagesQuery {
  @IsOptional() @IsIn(['ticket', 'comment', 'ignored', 'rejected']) status?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) limit?: number;
}
