import { describe, expect, it } from 'vitest';
import { describeFailure, resolveServer } from './server-client.js';

describe('resolveServer', () => {
  it('takes options first, then TICKETFLOW_SERVER / TICKETFLOW_TOKEN, and drops a trailing slash', () => {
    expect(resolveServer({ server: 'http://localhost:3000/', token: 't' }, {})).toEqual({
      server: 'http://localhost:3000',
      token: 't',
    });
    expect(
      resolveServer({}, { TICKETFLOW_SERVER: 'https://tf.example.com', TICKETFLOW_TOKEN: 'env' }),
    ).toEqual({ server: 'https://tf.example.com', token: 'env' });
  });
  it('explains what is missing or malformed', () => {
    expect(resolveServer({ token: 't' }, {})).toEqual({ error: expect.stringContaining('--server') });
    expect(resolveServer({ server: 'localhost:3000', token: 't' }, {})).toEqual({
      error: expect.stringContaining('http:// or https://'),
    });
    expect(resolveServer({ server: 'http://x' }, {})).toEqual({ error: expect.stringContaining('--token') });
  });
});

describe('describeFailure', () => {
  it('puts status, code and message on one line', () => {
    expect(
      describeFailure({
        status: 403,
        body: { code: 'role-required', message: 'This needs one of the roles: admin.' },
      }),
    ).toBe('the server answered 403 role-required: This needs one of the roles: admin.');
    expect(describeFailure({ status: 0, body: { message: 'cannot reach http://x: fetch failed' } })).toBe(
      'cannot reach http://x: fetch failed',
    );
  });
});
