import type { SetRolesRequest } from '@ticketflow/contract';
import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsEmail, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';

export class SetRolesDto implements SetRolesRequest {
  @ApiProperty({ example: ['agent', 'finance'] })
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Matches(/^[a-z][a-z0-9-]{0,39}$/, {
    each: true,
    message: 'each role must be a role name such as finance or area-manager',
  })
  roles: string[];
}

export class SetEmailDto {
  @ApiProperty({
    example: 'fei.finance@example.com',
    nullable: true,
    type: String,
    description: 'Where notifications are mailed when SMTP is configured; null removes the address',
  })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @MaxLength(254)
  @IsEmail({ allow_display_name: false, require_tld: true })
  email: string | null;
}
