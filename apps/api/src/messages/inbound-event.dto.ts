import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsOptional } from 'class-validator';

export class InboundEventDto {
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, example: { trackingNo: 'SF1234567' }, description: 'Field values the event carries; checked against the workflow field types' })
  @IsOptional()
  @IsObject({ message: 'fields must be an object of field values' })
  fields?: Record<string, unknown>;
}
