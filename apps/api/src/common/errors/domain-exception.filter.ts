import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainError, type DomainErrorKind } from './domain-error.js';
import type { ErrorResponse } from './error-response.js';
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from './database-unavailable.js';
import type { JsonLogger } from '../logging/json-logger.js';

const STATUS_BY_KIND: Record<DomainErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  unprocessable: 422,
  'too-many-requests': 429,
  operational: 503,
};

/** Maps every thrown error to `{ statusCode, code, message, details? }`; only unexpected ones are logged as errors. */
@Catch()
export class DomainExceptionFilter implements ExceptionFilter {
  constructor(private readonly logger: JsonLogger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const request = http.getRequest<Request>();
    const body = this.toResponse(exception, request);
    if (response.headersSent) return;
    const retryAfter = body.code === 'database-unavailable' ? DATABASE_RETRY_AFTER_SECONDS : retryAfterSeconds(exception);
    if (retryAfter !== undefined) response.setHeader('Retry-After', String(retryAfter));
    response.status(body.statusCode).json(body);
  }

  private toResponse(exception: unknown, request: Request): ErrorResponse {
    if (exception instanceof DomainError) {
      return withDetails({ statusCode: STATUS_BY_KIND[exception.kind], code: exception.code, message: exception.message }, exception.details);
    }
    // Express hands body-parser failures to Nest wrapped in an HttpException; the cause says which.
    const bodyParserError = fromBodyParser(exception instanceof HttpException ? exception.cause : exception);
    if (bodyParserError) return bodyParserError;
    if (exception instanceof HttpException) return fromHttpException(exception);
    if (isDatabaseUnavailable(exception)) {
      this.logger.warn('database unavailable', { method: request.method, path: request.originalUrl, error: exception instanceof Error ? exception.message : String(exception) });
      return { statusCode: 503, code: 'database-unavailable', message: `The database is unavailable; retry in ${DATABASE_RETRY_AFTER_SECONDS} seconds.` };
    }
    this.logger.error('unexpected error', {
      method: request.method,
      path: request.originalUrl,
      error: exception instanceof Error ? { name: exception.name, message: exception.message, stack: exception.stack } : String(exception),
    });
    return { statusCode: 500, code: 'internal-error', message: 'Something went wrong on our side; it has been logged.' };
  }
}

/** A 429's wait, from `details.retryAfterSeconds`, for the standard Retry-After header. */
function retryAfterSeconds(exception: unknown): number | undefined {
  if (!(exception instanceof DomainError) || exception.kind !== 'too-many-requests') return undefined;
  const details = exception.details as { retryAfterSeconds?: unknown } | undefined;
  const seconds = details?.retryAfterSeconds;
  return typeof seconds === 'number' && Number.isFinite(seconds) && seconds >= 0 ? Math.ceil(seconds) : undefined;
}

function withDetails(body: ErrorResponse, details: unknown): ErrorResponse {
  return details === undefined ? body : { ...body, details };
}

function fromHttpException(exception: HttpException): ErrorResponse {
  const statusCode = exception.getStatus();
  const raw = exception.getResponse();
  if (typeof raw === 'object' && raw !== null && 'code' in raw && typeof raw.code === 'string') {
    const typed = raw as { code: string; message?: unknown; details?: unknown };
    return withDetails({ statusCode, code: typed.code, message: String(typed.message ?? exception.message) }, typed.details);
  }
  const message = typeof raw === 'object' && raw !== null && 'message' in raw ? raw.message : exception.message;
  return {
    statusCode,
    code: statusCode === HttpStatus.NOT_FOUND ? 'route-not-found' : (HttpStatus[statusCode]?.toLowerCase().replace(/_/g, '-') ?? 'error'),
    message: Array.isArray(message) ? message.join('; ') : String(message),
  };
}

function fromBodyParser(exception: unknown): ErrorResponse | undefined {
  if (typeof exception !== 'object' || exception === null || !('type' in exception)) return undefined;
  const type = (exception as { type: unknown }).type;
  if (type === 'entity.parse.failed') {
    return { statusCode: 400, code: 'malformed-json', message: 'The request body is not valid JSON.' };
  }
  if (type === 'entity.too.large') {
    return { statusCode: 413, code: 'body-too-large', message: 'The request body is larger than the server accepts.' };
  }
  if (type === 'encoding.unsupported' || type === 'charset.unsupported') {
    return { statusCode: 415, code: 'unsupported-encoding', message: 'Send the request body as UTF-8 JSON.' };
  }
  return undefined;
}
