import type { PutSecretRequest } from '@ticketflow/contract';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, Matches } from 'class-validator';

export class PutSecretDto implements PutSecretRequest {
  @ApiProperty({ description: 'The value; stored encrypted and never returned', writeOnly: true })
  @IsString()
  @Length(1, 4000)
  value: string;

  @ApiPropertyOptional({ example: 'Warehouse API token' })
  @IsOptional()
  @IsString()
  @Length(0, 200)
  description?: string;

  @ApiPropertyOptional({
    example: 'wms.example.com',
    nullable: true,
    description: 'Sign outbound HTTP actions to this host with this secret (Standard Webhooks headers)',
  })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z0-9-]+(\.[a-z0-9-]+)*$/i, {
    message: 'signingHost must be a host name such as wms.example.com',
  })
  signingHost?: string | null;
}
