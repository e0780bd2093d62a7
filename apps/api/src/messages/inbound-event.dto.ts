import type { InboundEventRequest } from '@ticketflow/contract';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

export class InboundEventDto implements InboundEventRequest {
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    example: { trackingNo: 'SF1234567' },
    description: 'Field values the event carries; checked against the workflow field types',
  })
  @IsOptional()
  @IsObject({ message: 'fields must be an object of field values' })
  fields?: Record<string, unknown>;

  @ApiPropertyOptional({
    description:
      "Required when the call is signed: the ticket this event is for (must equal the URL's), so the signed body cannot be replayed to another ticket",
  })
  @IsOptional()
  @IsUUID()
  ticketId?: string;

  @ApiPropertyOptional({
    description: "Required when the call is signed: the message name (must equal the URL's)",
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  message?: string;
}
