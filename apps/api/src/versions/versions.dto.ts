import type { ImpactRequest } from '@ticketflow/contract';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

const REF = /^(draft|[1-9][0-9]{0,8})$/;
const REF_MESSAGE = 'must be "draft" or a version number';

export class DiffQuery {
  @ApiPropertyOptional({
    description: 'A version number or "draft"; default: the latest version',
    example: '1',
  })
  @IsOptional()
  @Matches(REF, { message: `from ${REF_MESSAGE}` })
  from?: string;

  @ApiPropertyOptional({ description: 'A version number or "draft"; default: the draft', example: 'draft' })
  @IsOptional()
  @Matches(REF, { message: `to ${REF_MESSAGE}` })
  to?: string;

  @ApiPropertyOptional({ enum: ['en', 'zh'], description: 'Language of the change list; default en' })
  @IsOptional()
  @IsIn(['en', 'zh'])
  lang?: 'en' | 'zh';
}

export class ImpactDto implements ImpactRequest {
  @ApiPropertyOptional({
    description: "How many of the latest version's most recent tickets to replay (default 500)",
    minimum: 1,
    maximum: 2000,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(2000)
  limit?: number;
}
