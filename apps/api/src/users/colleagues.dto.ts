import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';

export class ColleaguesQuery {
  @ApiPropertyOptional({ example: 'finance', description: 'Only people in this role' })
  @IsOptional()
  @Matches(/^[\w-]{1,64}$/, { message: 'role must be a role name such as finance' })
  role?: string;
}
