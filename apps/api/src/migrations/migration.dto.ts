import type { MigrationRequest } from '@ticketflow/contract';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsBoolean, IsInt, IsObject, IsOptional, IsUUID, Max, Min } from 'class-validator';

export class MigrationDto implements MigrationRequest {
  @ApiProperty({ description: 'The version to move running tickets to', example: 2 })
  @IsInt()
  @Min(1)
  @Max(999_999_999)
  toVersion: number;

  @ApiPropertyOptional({
    description: 'Old node id → new node id; nodes not listed keep their id',
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { finance: 'controller' },
  })
  @IsOptional()
  @IsObject({ message: 'mapping must be an object of old node id → new node id' })
  mapping?: Record<string, string>;

  @ApiPropertyOptional({
    description: 'Only these tickets (default: every running ticket of the workflow on another version)',
    type: [String],
  })
  @IsOptional()
  @ArrayMaxSize(1000)
  @IsUUID('4', { each: true, message: 'ticketIds must be ticket ids' })
  ticketIds?: string[];

  @ApiPropertyOptional({ description: 'Only report what would happen (default true)', default: true })
  @IsOptional()
  @IsBoolean()
  dryRun?: boolean;
}
