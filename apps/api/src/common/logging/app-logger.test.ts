import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { AppLogger } from './app-logger.js';
import { withoutSecrets } from './http-logger.js';
import { chooseRequestId, requestIds } from './request-id.js';

function capture(level: 'debug' | 'warn' = 'debug'): {
  logger: AppLogger;
  lines: () => Record<string, unknown>[];
} {
  let text = '';
  const sink = new Writable({
    write(chunk, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  return {
    logger: new AppLogger(level, sink),
    lines: () =>
      text
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

describe('AppLogger', () => {
  it('keeps the stack trace Nest passes and the context after it', () => {
    const { logger, lines } = capture();
    const stack = new Error('boom').stack as string;
    logger.error('handler failed', stack, 'ExceptionsHandler');
    expect(lines()[0]).toMatchObject({
      level: 'error',
      msg: 'handler failed',
      stack,
      context: 'ExceptionsHandler',
    });
  });

  it('writes an Error with its stack', () => {
    const { logger, lines } = capture();
    logger.error('unexpected error', { err: new Error('kaput') });
    const err = lines()[0]?.err as { message: string; stack: string };
    expect(err.message).toBe('kaput');
    expect(err.stack).toContain('app-logger.test.ts');
  });

  it('redacts tokens, passwords and secrets wherever they appear', () => {
    const { logger, lines } = capture();
    logger.info('login', {
      password: 'demo',
      user: { token: 'abc', name: 'x' },
      config: { jwtSecret: 's', nested: { databaseUrl: 'postgres://u:p@h/db' } },
    });
    const line = JSON.stringify(lines()[0]);
    expect(line).not.toMatch(/demo|abc|postgres:\/\//);
    expect(lines()[0]).toMatchObject({ password: '[redacted]', user: { token: '[redacted]', name: 'x' } });
  });

  it('puts the current request id into every line written while serving it', () => {
    const { logger, lines } = capture();
    requestIds.run({ requestId: 'req-42' }, () => logger.warn('inside'));
    logger.warn('outside');
    expect(lines()[0]).toMatchObject({ msg: 'inside', requestId: 'req-42' });
    expect(lines()[1]).not.toHaveProperty('requestId');
  });

  it('skips lines below its level', () => {
    const { logger, lines } = capture('warn');
    logger.debug('hidden');
    logger.log('hidden too');
    logger.warn('shown');
    expect(lines().map((line) => line.msg)).toEqual(['shown']);
  });
});

describe('request ids', () => {
  it("accepts a client's printable id and replaces anything else with a UUID", () => {
    expect(chooseRequestId('abc-123_x.y')).toBe('abc-123_x.y');
    expect(chooseRequestId(['first', 'second'])).toBe('first');
    for (const bad of [undefined, '', 'has space', 'x'.repeat(129), 'quote"d', 'line\nbreak']) {
      expect(chooseRequestId(bad)).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('hides secret query values in logged URLs', () => {
    expect(withoutSecrets('/api/live/inbox?token=abc&maxSeconds=5')).toBe(
      '/api/live/inbox?token=%5Bredacted%5D&maxSeconds=5',
    );
    expect(withoutSecrets('/api/tasks?kind=approval')).toBe('/api/tasks?kind=approval');
  });
});
