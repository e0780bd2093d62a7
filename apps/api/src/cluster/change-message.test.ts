import { describe, expect, it } from 'vitest';
import { MAX_PAYLOAD_BYTES, decodeChangeMessage, encodeChangeMessages } from './change-message.js';

const change = (
  ticketId: string,
  flags: Partial<{ tasks: boolean; timers: boolean; outbox: boolean }> = {},
) => ({ ticketId, tasks: false, timers: false, outbox: false, ...flags });

describe('cross-process change messages', () => {
  it('merges repeated changes of one ticket into one entry', () => {
    const [payload] = encodeChangeMessages('p1', [
      change('t1', { tasks: true }),
      change('t1', { timers: true }),
      change('t2', { outbox: true }),
    ]);
    expect(decodeChangeMessage(payload)).toEqual({
      origin: 'p1',
      changes: [change('t1', { tasks: true, timers: true }), change('t2', { outbox: true })],
    });
  });

  it('splits many changes into payloads under the NOTIFY size limit, losing none', () => {
    const many = Array.from({ length: 500 }, (_, i) =>
      change(`00000000-0000-0000-0000-${String(i).padStart(12, '0')}`, { tasks: true }),
    );
    const payloads = encodeChangeMessages('p1', many);
    expect(payloads.length).toBeGreaterThan(1);
    for (const payload of payloads) expect(Buffer.byteLength(payload)).toBeLessThanOrEqual(MAX_PAYLOAD_BYTES);
    expect(payloads.flatMap((payload) => decodeChangeMessage(payload)?.changes ?? [])).toHaveLength(500);
  });

  it('ignores malformed payloads instead of throwing', () => {
    for (const bad of [undefined, '', 'not json', '{"origin":1}', '{"origin":"x","changes":"no"}'])
      expect(decodeChangeMessage(bad)).toBeUndefined();
    expect(
      decodeChangeMessage('{"origin":"x","changes":[{"ticketId":"t","tasks":"yes"},null,{"nope":1}]}'),
    ).toEqual({ origin: 'x', changes: [change('t')] });
  });
});
