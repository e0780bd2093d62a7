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
}

/**
 * Honours `Idempotency-Key` on POST: the first request acts; a retry with the
 * same key (same user, method and path) gets the stored answer; the same key
 * on another route is a 422.
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
      throw invalid('invalid-idempotency-key', 'Idempotency-Key must be 1-200 letters, digits, dots, colons, dashes or underscores.');
    }
    const statusCode = this.reflector.get<number | undefined>(HTTP_CODE_METADATA, context.getHandler()) ?? 201;
    const idempotency = { userId: request.user.id, key, method: request.method, path: request.path, statusCode };
    const response = context.switchToHttp().getResponse<Response>();
    return new Observable((subscriber) =>
      requestContext.run({ idempotency }, () =>
        next
          .handle()
          .pipe(
            catchError((error: unknown) =>
              error instanceof IdempotentReplay ? from(this.replay(idempotency, response)) : throwError(() => error),
            ),
          )
          .subscribe(subscriber),
      ),
    );
  }

  private async replay(idempotency: { userId: string; key: string; method: string; path: string }, response: Response): Promise<unknown> {
    const [stored] = (await this.dataSource.query(
      'SELECT method, path, status_code, response FROM idempotency_keys WHERE user_id = $1 AND key = $2',
      [idempotency.userId, idempotency.key],
    )) as StoredResponse[];
    if (!stored || stored.method !== idempotency.method || stored.path !== idempotency.path) {
      throw unprocessable('idempotency-key-reused', `Idempotency-Key "${idempotency.key}" was already used for another request; use a new key.`);
    }
    response.status(stored.status_code);
    response.setHeader('Idempotent-Replayed', 'true');
    return stored.response;
  }
}
