import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Res, UseInterceptors, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AttachmentSchema, type Attachment } from '@ticketflow/contract';
import type { AuthUser } from '../auth/auth-user.js';
import { Answers } from '../common/openapi/answers.decorator.js';
import type { Sendable } from '../common/openapi/sendable.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { DEFAULT_ATTACHMENT_TYPES } from './attachments-config.js';
import { UploadAttachmentDto } from './attachments.dto.js';
import { AttachmentsService } from './attachments.service.js';
import { contentDisposition } from './file-checks.js';
import { UploadInterceptor } from './upload.interceptor.js';

const uuid = new ParseUUIDPipe({ version: '4', errorHttpStatusCode: 404 });

@ApiTags('attachments')
@ApiBearerAuth()
@Controller()
export class AttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @Post('tickets/:id/attachments')
  @UseInterceptors(UploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        file: { type: 'string', format: 'binary' },
        visibility: { type: 'string', enum: ['internal', 'public'] },
        taskId: { type: 'string', format: 'uuid' },
      },
    },
  })
  @ApiOperation({
    summary: 'Attach a file to the ticket (size limit, type checked by content, name sanitised)',
  })
  @Answers(AttachmentSchema, { status: 201 })
  upload(
    @Param('id', uuid) id: string,
    @Req() request: Request,
    @Body() body: UploadAttachmentDto,
    @CurrentUser() user: AuthUser,
  ): Promise<Sendable<Attachment>> {
    const file = request.file as Express.Multer.File;
    return this.attachments.upload(id, { name: file.originalname, bytes: file.buffer }, body, user);
  }

  @Get('tickets/:id/attachments')
  @ApiOperation({ summary: "The ticket's files (the requester: public ones)" })
  @Answers([AttachmentSchema])
  list(@Param('id', uuid) id: string, @CurrentUser() user: AuthUser): Promise<Sendable<Attachment[]>> {
    return this.attachments.list(id, user);
  }

  @Get('attachments/:id/content')
  @ApiOperation({ summary: 'Download one file (Content-Disposition: attachment, nosniff)' })
  @Answers(
    { type: 'string', format: 'binary' },
    {
      mediaType: 'application/octet-stream',
      alsoAs: DEFAULT_ATTACHMENT_TYPES,
      description: "The file's bytes, as the type detected from them (one of ATTACHMENT_TYPES)",
    },
  )
  async download(@Param('id') id: string, @CurrentUser() user: AuthUser, @Res() response: Response) {
    const { view, bytes } = await this.attachments.open(id, user);
    response.setHeader('Content-Type', view.contentType);
    response.setHeader('Content-Length', String(bytes.length));
    response.setHeader('Content-Disposition', contentDisposition(view.name));
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
    response.setHeader('Cache-Control', 'private, no-store');
    response.end(bytes);
  }
}
