import type { ArgumentsHost } from '@nestjs/common';
import { CompileError } from '@ticketflow/compiler';
import { RuntimeError } from '@ticketflow/runtime';
import { describe, expect, it } from 'vitest';
import type { AppLogger } from '../logging/app-logger.js';
import { requestIds } from '../logging/request-id.js';
import { DomainExceptionFilter } from './domain-exception.filter.js';
import { conflict, DomainError, invalid, tooManyRequests, unavailable } from './domain-error.js';

interface Logged {
  level: string;
  message: string;
  fields: Record<string, unknown>;
}

/** Runs the filter on `exception` inside request `req-9` and returns what it sent and logged. */
function answer(exception: unknown) {
  const logged: Logged[] = [];
  const log = (level: string) => (message: string, fields: Record<string, unknown>) =>
    logged.push({ level, message, fields });
  const logger = { warn: log('warn'), error: log('error') } as unknown as AppLogger;
  const sent: { status?: number; body?: Record<string, unknown>; headers: Record<string, string> } = {
    headers: {},
  };
  const response = {
    headersSent: false,
    setHeader: (name: string, value: string) => (sent.headers[name] = value),
    status(code: number) {
      sent.status = code;
      return this;
    },
    json(body: Record<string, unknown>) {
      sent.body = body;
    },
  };
  const host = {
    switchToHttp: () => ({
      getResponse: () => response,
      getRequest: () => ({ method: 'POST', originalUrl: '/api/tasks/t1/approve' }),
    }),
  } as unknown as ArgumentsHost;
  requestIds.run({ requestId: 'req-9' }, () => new DomainExceptionFilter(logger).catch(exception, host));
  return { ...sent, logged };
}

describe('user errors', () => {
  it('answer their own 4xx with the code and the field, and log nothing', () => {
    const result = answer(
      invalid('invalid-fields', 'refundAmount must be a number.', [{ field: 'refundAmount' }]),
    );
    expect(result.status).toBe(400);
    expect(result.body).toEqual({
      statusCode: 400,
      code: 'invalid-fields',
      message: 'refundAmount must be a number.',
      details: [{ field: 'refundAmount' }],
      requestId: 'req-9',
    });
    expect(result.logged).toEqual([]);
  });

  it('answer a runtime refusal with the status the runtime gave it, with no list in between', () => {
    expect(answer(new RuntimeError('task-not-open', 'The task is closed.')).body).toMatchObject({
      statusCode: 409,
      code: 'task-not-open',
    });
    expect(answer(new RuntimeError('requester-not-allowed', 'Not your own approval.')).body).toMatchObject({
      statusCode: 403,
      code: 'requester-not-allowed',
    });
    expect(answer(new RuntimeError('invalid-outcome', 'No such outcome.')).status).toBe(422);
  });

  it('send Retry-After with a 429', () => {
    const result = answer(tooManyRequests('too-many-login-attempts', 'Wait.', 3.2));
    expect(result.status).toBe(429);
    expect(result.headers['Retry-After']).toBe('4');
  });

  it('keep their status through the API re-throwing them', () => {
    expect(answer(conflict('already-decided', 'Decided.')).status).toBe(409);
    expect(new DomainError(404, 'ticket-not-found', 'x').kind).toBe('user');
  });
});

describe('operational errors', () => {
  it('answer 503 with Retry-After, are worth retrying, and are logged as warnings', () => {
    const result = answer(unavailable('not-ready', 'This process is shutting down.', { reason: 'draining' }));
    expect(result.status).toBe(503);
    expect(result.headers['Retry-After']).toBe('5');
    expect(result.body).toMatchObject({ code: 'not-ready', details: { reason: 'draining' } });
    expect(result.logged.map((entry) => entry.level)).toEqual(['warn']);
    expect(new DomainError(503, 'x', 'y').kind).toBe('operational');
  });
});

describe('unexpected errors', () => {
  it('answer a bare 500 for corrupt data, logged with the code, the route and the request id', () => {
    const result = answer(new RuntimeError('invalid-snapshot', 'This is not a snapshot the runtime wrote.'));
    expect(result.status).toBe(500);
    expect(result.body).toEqual({
      statusCode: 500,
      code: 'internal-error',
      message: 'Something went wrong on our side; it has been logged.',
      requestId: 'req-9',
    });
    expect(result.logged).toHaveLength(1);
    expect(result.logged[0]).toMatchObject({
      level: 'error',
      fields: {
        code: 'invalid-snapshot',
        method: 'POST',
        path: '/api/tasks/t1/approve',
        requestId: 'req-9',
      },
    });
  });

  it('treat a definition the compiler cannot build and any plain bug the same way', () => {
    for (const bug of [
      new CompileError('The definition has no start node.'),
      new TypeError('x is undefined'),
    ]) {
      const result = answer(bug);
      expect(result.body).toMatchObject({ statusCode: 500, code: 'internal-error' });
      expect(result.logged.map((entry) => [entry.level, entry.fields.requestId])).toEqual([
        ['error', 'req-9'],
      ]);
    }
  });
});
