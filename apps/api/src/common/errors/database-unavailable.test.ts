import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from './database-unavailable.js';

describe('isDatabaseUnavailable', () => {
  it('recognises refused connections, terminated sessions and shutdowns, wrapped or not', () => {
    expect(
      isDatabaseUnavailable(
        Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
      ),
    ).toBe(true);
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(
      isDatabaseUnavailable({ name: 'QueryFailedError', message: 'x', driverError: { code: '57P01' } }),
    ).toBe(true);
    expect(
      isDatabaseUnavailable(
        Object.assign(new Error('database "x" is not currently accepting connections'), { code: '55000' }),
      ),
    ).toBe(true);
  });

  it('leaves ordinary query errors and bugs alone', () => {
    expect(
      isDatabaseUnavailable({
        name: 'QueryFailedError',
        message: 'duplicate key',
        driverError: { code: '23505' },
      }),
    ).toBe(false);
    expect(isDatabaseUnavailable(new TypeError('x is undefined'))).toBe(false);
  });
});
