import { describe, expect, it } from 'vitest';
import { signWebhook, verifyWebhook } from './webhook-signature.js';

const SECRET = 'a-webhook-secret-of-some-length';
const body = Buffer.from('{"fields":{"paidAmount":10}}');

describe('Standard Webhooks signatures', () => {
  it('accepts a signature under either of two rotated secrets and refuses a third', () => {
    const headers = signWebhook('old-secret-0123456789', 'msg_1', body);
    expect(verifyWebhook([SECRET, 'old-secret-0123456789'], headers, body)).toEqual({
      ok: true,
      id: 'msg_1',
    });
    expect(verifyWebhook([SECRET], headers, body)).toEqual({ ok: false, reason: 'invalid-signature' });
  });

  it('binds id, timestamp and body: changing any of them breaks the signature', () => {
    const headers = signWebhook(SECRET, 'msg_2', body);
    expect(verifyWebhook([SECRET], { ...headers, 'webhook-id': 'msg_3' }, body)).toMatchObject({ ok: false });
    expect(verifyWebhook([SECRET], headers, Buffer.from('{"fields":{"paidAmount":11}}'))).toMatchObject({
      ok: false,
    });
  });

  it('refuses a timestamp outside the five-minute window and missing headers', () => {
    const old = signWebhook(SECRET, 'msg_4', body, new Date(Date.now() - 6 * 60_000));
    expect(verifyWebhook([SECRET], old, body)).toEqual({
      ok: false,
      reason: 'webhook-timestamp-outside-tolerance',
    });
    expect(verifyWebhook([SECRET], {}, body)).toEqual({ ok: false, reason: 'webhook-headers-missing' });
  });

  it('reads whsec_ secrets as base64, like other Standard Webhooks libraries', () => {
    const secret = `whsec_${Buffer.from('0123456789abcdef0123456789abcdef').toString('base64')}`;
    expect(verifyWebhook([secret], signWebhook(secret, 'msg_5', body), body)).toEqual({
      ok: true,
      id: 'msg_5',
    });
  });
});
