import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** Longest a stream stays open before the client must reconnect (and be authenticated again). */
export const MAX_STREAM_SECONDS = 900;

export class LiveStreamQuery {
  @ApiPropertyOptional({
    description: `Close the stream after this many seconds (0 = send "ready" and close; default and maximum ${MAX_STREAM_SECONDS}). Clients reconnect, which checks their token again.`,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'maxSeconds must be a whole number of seconds' })
  @Min(0)
  @Max(MAX_STREAM_SECONDS)
  maxSeconds?: number;
}
