import type { BusinessCalendarRequest } from '@ticketflow/contract';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsString, MaxLength } from 'class-validator';

export class BusinessCalendarDto implements BusinessCalendarRequest {
  @ApiProperty({ example: [1, 2, 3, 4, 5], description: '0 = Sunday … 6 = Saturday' })
  @IsArray()
  @IsInt({ each: true })
  workingDays: number[];

  @ApiProperty({ example: 540, description: 'Opening time, minutes after local midnight' })
  @IsInt()
  startMinute: number;

  @ApiProperty({ example: 1080, description: 'Closing time, minutes after local midnight' })
  @IsInt()
  endMinute: number;

  @ApiPropertyOptional({
    example: 'Asia/Shanghai',
    description:
      'IANA time zone; days and hours follow its daylight-saving rules. Wins over utcOffsetMinutes.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  timeZone?: string;

  @ApiPropertyOptional({
    example: 480,
    description: 'Fixed offset of local time from UTC in minutes, when no timeZone is given (default 0)',
  })
  @IsOptional()
  @IsInt()
  utcOffsetMinutes?: number;

  @ApiProperty({ example: ['2026-10-01'], description: 'Local dates without work' })
  @IsArray()
  @ArrayMaxSize(1000)
  @IsString({ each: true })
  holidays: string[];
}
