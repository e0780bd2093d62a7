import type { ArgumentsHost } from '@nestjs/common';
import { describe, expect, it } from 'vitest';
import type { AppLogger } from '../logging/app-logger.js';
import { requestIds } from '../logging/request-id.js';
import { DomainExceptionFilter } from './domain-exception.filter.js';

function answer(exception: unknown) {
  const logged: { level: string; message: string }[] = [];
  const logger = {
    warn: (message: string) => logged.push({ level: 'warn', message }),
    error: (message: string) => logged.push({ level: 'error', message }),
  } as unknown as AppLogger;
  const sent: { status?: number; body?: unknown } = {};
  const response = {
    headersSent: false,
    setHeader: () => undefined,
    status(code: number) {
      sent.status = code;
      return this;
    },
    json(body: unknown) {
      sent.body = body;
    },
  };
  const host = {
    switchToHttp: () => ({
      getResponse: () => response,
      getRequest: () => ({ method: 'POST', originalUrl: '/api/x' }),
    }),
  } as unknown as ArgumentsHost;
  requestIds.run({ requestId: 'req-7' }, () => new DomainExceptionFilter(logger).catch(exception, host));
  return { ...sent, logged };
}

describe('DomainExceptionFilter: database limits', () => {
  it('answers a statement cut off by statement_timeout with a retryable 503, logged as a warning', () => {
    const result = answer(
      Object.assign(new Error('canceling statement due to statement timeout'), {
        driverError: { code: '57014' },
      }),
    );
    expect(result.status).toBe(503);
    expect(result.body).toMatchObject({ code: 'database-timeout', requestId: 'req-7' });
    expect(result.logged.map((entry) => entry.level)).toEqual(['warn']);
  });

  it('answers too many connections with 503 and anything else unknown with a logged 500', () => {
    expect(
      answer(Object.assign(new Error('sorry, too many clients already'), { code: '53300' })).body,
    ).toMatchObject({ statusCode: 503, code: 'database-unavailable' });
    const bug = answer(new TypeError('x is undefined'));
    expect(bug.body).toMatchObject({ statusCode: 500, code: 'internal-error', requestId: 'req-7' });
    expect(bug.logged.map((entry) => entry.level)).toEqual(['error']);
  });
});
