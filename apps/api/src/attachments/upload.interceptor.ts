import {
  type CallHandler,
  type ExecutionContext,
  Inject,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import type { AuthUser } from '../auth/auth-user.js';
import multer from 'multer';
import type { Observable } from 'rxjs';
import { invalid, tooLarge } from '../common/errors/domain-error.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/app-config.token.js';
import { AttachmentsService } from './attachments.service.js';

/**
 * First checks that the caller may add files to the ticket in the route (404
 * otherwise: not one byte of the body is read for someone who may not), then reads a `multipart/form-data` upload with one file in the part `file`
 * into memory, stopping at the configured size limit (413
 * `attachment-too-large` before more bytes are read), at most ten small text
 * fields. Every multer error becomes a 4xx naming the problem.
 */
@Injectable()
export class UploadInterceptor implements NestInterceptor {
  private readonly parse: ReturnType<ReturnType<typeof multer>['single']>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly attachments: AttachmentsService,
  ) {
    this.parse = multer({
      storage: multer.memoryStorage(),
      // Browsers send UTF-8 names (收据.png); the whole path is kept so the one sanitiser sees what was sent.
      defParamCharset: 'utf8',
      preservePath: true,
      limits: { fileSize: config.attachments.maxBytes, files: 1, fields: 10, fieldSize: 4096, parts: 12 },
    }).single('file');
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const http = context.switchToHttp();
    const request = http.getRequest<Request & { user: AuthUser }>();
    await this.attachments.assertMayUpload(String(request.params.id), request.user);
    if (!request.is('multipart/form-data'))
      throw invalid('upload-not-multipart', 'Send the file as multipart/form-data in a part named "file".');
    await new Promise<void>((resolve, reject) =>
      this.parse(request, http.getResponse<Response>(), (error: unknown) =>
        error ? reject(this.explain(error)) : resolve(),
      ),
    );
    if (!request.file)
      throw invalid('attachment-missing', 'No file: send it as multipart/form-data in a part named "file".');
    return next.handle();
  }

  private explain(error: unknown): Error {
    if (error instanceof multer.MulterError) {
      if (error.code === 'LIMIT_FILE_SIZE')
        return tooLarge(
          'attachment-too-large',
          `The file is larger than ${this.config.attachments.maxBytes} bytes, the most a file may have.`,
        );
      return invalid(
        'upload-invalid',
        `The upload was refused: ${error.message}${error.field ? ` (${error.field})` : ''}.`,
      );
    }
    return invalid(
      'upload-invalid',
      `The upload could not be read: ${error instanceof Error ? error.message : String(error)}.`,
    );
  }
}
