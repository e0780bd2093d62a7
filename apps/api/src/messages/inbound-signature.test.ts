import { describe, expect, it } from 'vitest';
import { signBody, verifySignature } from './inbound-signature.js';

describe('inbound event signatures', () => {
  const secret = 'a-webhook-secret-of-some-length';

  it('accepts the HMAC of the exact body and refuses any change', () => {
    const body = '{"fields":{"trackingNo":"SF123"}}';
    const header = signBody(secret, body);
    expect(header).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifySignature(secret, body, header)).toBe(true);
    expect(verifySignature(secret, `${body} `, header)).toBe(false);
    expect(verifySignature('another-secret-entirely', body, header)).toBe(false);
    expect(verifySignature(secret, body, 'sha256=00')).toBe(false);
  });
});
