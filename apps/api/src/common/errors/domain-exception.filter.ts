import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainError, type DomainErrorKind } from './domain-error.js';
import type { ErrorResponse } from './error-response.js';
import type { AppLogger } from '../logging/app-logger.js';
import { currentRequestId } from '../logging/request-id.js';
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from './database-unavailable.js';

const STATUS_BY_KIND: Record<DomainErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  unprocessable: 422,
  'too-large': 413,
  'too-many-requests': 429,
  operational: 503,
};

/**
 * Maps every thrown error to `{ statusCode, code, message, details?, requestId }`
 * (the id also in the `X-Request-Id` header and every log line of the request);
 * only unexpected ones are logged as errors, with their stack.
 */
@Catch()
export class DomainExceptionFilter implements ExceptionFilter {
  constructor(private readonly logger: AppLogger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const request = http.getRequest<Request>();
    // Body-parser failures reach here outside the request's context; pino-http put the id on the request.
    const requestId = currentRequestId() ?? requestIdOf(request);
    const body = {
      ...this.toResponse(exception, request),
      ...(requestId === undefined ? {} : { requestId }),
    };
    if (response.headersSent) return;
    const retryAfter =
      body.statusCode === 503 && body.code.startsWith('database-')
        ? DATABASE_RETRY_AFTER_SECONDS
        : retryAfterSeconds(exception);
    if (retryAfter !== undefined) response.setHeader('Retry-After', String(retryAfter));
    response.status(body.statusCode).json(body);
  }

  private toResponse(exception: unknown, request: Request): ErrorResponse {
    if (exception instanceof DomainError) {
      return withDetails(
        { statusCode: STATUS_BY_KIND[exception.kind], code: exception.code, message: exception.message },
        exception.details,
      );
    }
    // Express hands body-parser failures to Nest wrapped in an HttpException; the cause says which.
    const bodyParserError = fromBodyParser(exception instanceof HttpException ? exception.cause : exception);
    if (bodyParserError) return bodyParserError;
    if (exception instanceof HttpException) return fromHttpException(exception);
    if (isDatabaseUnavailable(exception) && !fromDatabaseLimit(exception)) {
      this.logger.warn('database unavailable', {
        method: request.method,
        path: request.originalUrl,
        err: exception,
      });
      return {
        statusCode: 503,
        code: 'database-unavailable',
        message: `The database is unavailable; retry in ${DATABASE_RETRY_AFTER_SECONDS} seconds.`,
      };
    }
    const database = fromDatabaseLimit(exception);
    if (database) {
      this.logger.warn(database.message, {
        method: request.method,
        path: request.originalUrl,
        err: exception,
      });
      return database;
    }
    this.logger.error('unexpected error', {
      method: request.method,
      path: request.originalUrl,
      err: exception instanceof Error ? exception : new Error(String(exception)),
    });
    return {
      statusCode: 500,
      code: 'internal-error',
      message: 'Something went wrong on our side; it has been logged.',
    };
  }
}

function requestIdOf(request: Request): string | undefined {
  const id = (request as { id?: unknown }).id;
  return typeof id === 'string' ? id : undefined;
}

/** A 429's wait, from `details.retryAfterSeconds`, for the standard Retry-After header. */
function retryAfterSeconds(exception: unknown): number | undefined {
  if (!(exception instanceof DomainError) || exception.kind !== 'too-many-requests') return undefined;
  const details = exception.details as { retryAfterSeconds?: unknown } | undefined;
  const seconds = details?.retryAfterSeconds;
  return typeof seconds === 'number' && Number.isFinite(seconds) && seconds >= 0
    ? Math.ceil(seconds)
    : undefined;
}

function withDetails(body: ErrorResponse, details: unknown): ErrorResponse {
  return details === undefined ? body : { ...body, details };
}

function fromHttpException(exception: HttpException): ErrorResponse {
  const statusCode = exception.getStatus();
  const raw = exception.getResponse();
  if (typeof raw === 'object' && raw !== null && 'code' in raw && typeof raw.code === 'string') {
    const typed = raw as { code: string; message?: unknown; details?: unknown };
    return withDetails(
      { statusCode, code: typed.code, message: String(typed.message ?? exception.message) },
      typed.details,
    );
  }
  const message =
    typeof raw === 'object' && raw !== null && 'message' in raw ? raw.message : exception.message;
  return {
    statusCode,
    code:
      statusCode === HttpStatus.NOT_FOUND
        ? 'route-not-found'
        : (HttpStatus[statusCode]?.toLowerCase().replace(/_/g, '-') ?? 'error'),
    message: Array.isArray(message) ? message.join('; ') : String(message),
  };
}

/**
 * PostgreSQL refusing work for operational reasons — a statement cut off by
 * `statement_timeout` (57014), too many connections (53300) — is retryable: 503.
 */
function fromDatabaseLimit(exception: unknown): ErrorResponse | undefined {
  const code =
    (exception as { driverError?: { code?: unknown } } | null)?.driverError?.code ??
    (exception as { code?: unknown } | null)?.code;
  if (code === '57014') {
    return {
      statusCode: 503,
      code: 'database-timeout',
      message:
        'The database took longer than the configured statement timeout; try again, and tell an administrator if it keeps happening.',
    };
  }
  if (code === '53300') {
    return {
      statusCode: 503,
      code: 'database-unavailable',
      message: 'The database has no free connection right now; try again shortly.',
    };
  }
  return undefined;
}

function fromBodyParser(exception: unknown): ErrorResponse | undefined {
  if (typeof exception !== 'object' || exception === null || !('type' in exception)) return undefined;
  const type = (exception as { type: unknown }).type;
  if (type === 'entity.parse.failed') {
    return { statusCode: 400, code: 'malformed-json', message: 'The request body is not valid JSON.' };
  }
  if (type === 'entity.too.large') {
    return {
      statusCode: 413,
      code: 'body-too-large',
      message: 'The request body is larger than the server accepts.',
    };
  }
  if (type === 'encoding.unsupported' || type === 'charset.unsupported') {
    return { statusCode: 415, code: 'unsupported-encoding', message: 'Send the request body as UTF-8 JSON.' };
  }
  return undefined;
}
