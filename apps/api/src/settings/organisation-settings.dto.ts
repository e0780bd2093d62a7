import type { OrganisationSettings } from '@ticketflow/contract';
import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

export class OrganisationSettingsDto implements OrganisationSettings {
  @ApiProperty({
    example: 'Asia/Shanghai',
    description: 'IANA time zone the organisation counts its days in (report day buckets)',
  })
  @IsString()
  @MaxLength(100)
  timeZone: string;
}
