import type { PublishRequest } from '@ticketflow/contract';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsObject, IsOptional, IsString, MaxLength, Min } from 'class-validator';

export class DefinitionBodyDto {
  @ApiProperty({
    description: 'A workflow definition (schema version 1)',
    type: 'object',
    additionalProperties: true,
  })
  @IsObject({ message: 'definition must be a JSON object' })
  definition: Record<string, unknown>;
}

export class SaveDraftDto extends DefinitionBodyDto {
  @ApiPropertyOptional({
    description: 'The revision this edit started from; a newer one on the server is a conflict (409).',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  baseRevision?: number;
}

export class PublishDto implements PublishRequest {
  @ApiPropertyOptional({ example: 'Raise the finance threshold' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}
