import type { LoginRequest } from '@ticketflow/contract';
import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class LoginDto implements LoginRequest {
  @ApiProperty({ example: 'agent' })
  @IsString()
  @Length(1, 100)
  username: string;

  @ApiProperty({ example: 'demo' })
  @IsString()
  @Length(1, 200)
  password: string;
}
