import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

/** The text parts of an upload beside `file`. */
export class UploadAttachmentDto {
  @ApiPropertyOptional({
    enum: ['internal', 'public'],
    description: "Staff only; the requester's files are public",
  })
  @IsOptional()
  @IsIn(['internal', 'public'])
  visibility?: 'internal' | 'public';

  @ApiPropertyOptional({ description: 'The open step (task) of this ticket the file comes with' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  taskId?: string;
}
