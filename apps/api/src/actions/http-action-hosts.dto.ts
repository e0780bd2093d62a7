import type { HttpActionHostsRequest } from '@ticketflow/contract';
import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsString, Matches } from 'class-validator';

export class HttpActionHostsDto implements HttpActionHostsRequest {
  @ApiProperty({
    example: ['api.partner.example', '*.logistics.example'],
    description:
      'Hosts HTTP actions may call; *.domain for a domain and its subdomains, * for any public host',
  })
  @IsArray()
  @ArrayMaxSize(500)
  @IsString({ each: true })
  @Matches(/^(\*|(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*)$/i, {
    each: true,
    message:
      'each allowed host must be a host name such as api.example.com or *.example.com (no scheme, port or path)',
  })
  allowedHosts: string[];
}
