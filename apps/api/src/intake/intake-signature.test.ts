import { describe, expect, it } from 'vitest';
import { signIntakeBody, verifyIntakeSignature } from './intake-signature.js';

describe('intake signatures', () => {
  const body = Buffer.from('{"Content":"订单号 SO-1"}');
  it('accepts the HMAC-SHA256 of the exact bytes with the right secret', () => {
    expect(verifyIntakeSignature('s3cret-s3cret-s3cret', body, signIntakeBody('s3cret-s3cret-s3cret', body))).toBe(true);
  });
  it('refuses another secret, other bytes, a missing or malformed header', () => {
    const signature = signIntakeBody('s3cret-s3cret-s3cret', body);
    expect(verifyIntakeSignature('other-secret-other', body, signature)).toBe(false);
    expect(verifyIntakeSignature('s3cret-s3cret-s3cret', Buffer.from('{"Content":"订单号 SO-2"}'), signature)).toBe(false);
    expect(verifyIntakeSignature('s3cret-s3cret-s3cret', body, undefined)).toBe(false);
    expect(verifyIntakeSignature('s3cret-s3cret-s3cret', body, signature.replace('sha256=', 'sha1='))).toBe(false);
  });
});
