import { createHash } from 'node:crypto';
import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
// Nest's @HttpCode() metadata key.
const HTTP_CODE_METADATA = '__httpCode__';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { Observable, catchError, from, throwError } from 'rxjs';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../../auth/auth-user.js';
import { invalid, unprocessable } from '../errors/domain-error.js';
import { requestContext } from './request-context.js';
import { IdempotentReplay } from './transaction-runner.js';

const KEY_PATTERN = /^[\w.:-]{1,200}$/;

interface StoredResponse {
  method: string;
  path: string;
  status_code: number;
  response: unknown;
  request_hash: string | null;
}

/** SHA-256 over method, path and the JSON body with object keys sorted (so key order does not matter). Pure. */
export function requestHash(method: string, path: string, body: unknown): string {
  return createHash('sha256')
    .update(`${method} ${path}\n${JSON.stringify(canonical(body ?? null))}`)
    .digest('hex');
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

/**
 * Honours `Idempotency-Key` on POST: the first request acts; a retry with the
 * same key (same user, method, path and body) gets the stored answer; the same
 * key on another route or with another body is a 422 naming the key. Keys
 * are kept for IDEMPOTENCY_RETENTION_HOURS (the cleanup job removes older ones).
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request & { user?: AuthUser }>();
    const key = request.header('idempotency-key');
    if (request.method !== 'POST' || key === undefined || !request.user) return next.handle();
    if (!KEY_PATTERN.test(key)) {
      throw invalid(
        'invalid-idempotency-key',
        'Idempotency-Key must be 1-200 letters, digits, dots, colons, dashes or underscores.',
      );
    }
    const statusCode =
      this.reflector.get<number | undefined>(HTTP_CODE_METADATA, context.getHandler()) ?? 201;
    const idempotency = {
      userId: request.user.id,
      key,
      method: request.method,
      path: request.path,
      statusCode,
      requestHash: requestHash(request.method, request.path, request.body),
    };
    const response = context.switchToHttp().getResponse<Response>();
    return new Observable((subscriber) =>
      requestContext.run({ idempotency }, () =>
        next
          .handle()
          .pipe(
            catchError((error: unknown) =>
              error instanceof IdempotentReplay
                ? from(this.replay(idempotency, response))
                : throwError(() => error),
            ),
          )
          .subscribe(subscriber),
      ),
    );
  }

  private async replay(
    idempotency: { userId: string; key: string; method: string; path: string; requestHash: string },
    response: Response,
  ): Promise<unknown> {
    const [stored] = (await this.dataSource.query(
      'SELECT method, path, status_code, response, request_hash FROM idempotency_keys WHERE user_id = $1 AND key = $2',
      [idempotency.userId, idempotency.key],
    )) as StoredResponse[];
    // Rows from before the hash existed (request_hash NULL) are matched on method and path only.
    const sameBody = stored?.request_hash === null || stored?.request_hash === idempotency.requestHash;
    if (!stored || stored.method !== idempotency.method || stored.path !== idempotency.path || !sameBody) {
      const what =
        stored && stored.method === idempotency.method && stored.path === idempotency.path
          ? 'with a different body'
          : 'for another route';
      throw unprocessable(
        'idempotency-key-reused',
        `Idempotency-Key "${idempotency.key}" was already used ${what}; send a new key for a new request.`,
        { field: 'Idempotency-Key', key: idempotency.key },
      );
    }
    response.status(stored.status_code);
    response.setHeader('Idempotent-Replayed', 'true');
    return stored.response;
  }
}
