import type { SetRolesRequest } from '@ticketflow/contract';
import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsString, Matches } from 'class-validator';

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
