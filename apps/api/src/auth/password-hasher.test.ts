import { describe, expect, it } from 'vitest';
import { hashPassword, needsRehash, SCRYPT_PARAMS, verifyPassword } from './password-hasher.js';

describe('password hasher', () => {
  it("hashes at OWASP's scrypt minimum (N=2^17, r=8, p=1)", async () => {
    const stored = await hashPassword('correct horse');
    const [scheme, n, r, p] = stored.split('$');
    expect([scheme, Number(n), Number(r), Number(p)]).toEqual(['scrypt', 131072, 8, 1]);
    expect(SCRYPT_PARAMS.N).toBeGreaterThanOrEqual(2 ** 17);
    expect(await verifyPassword('correct horse', stored)).toBe(true);
    expect(await verifyPassword('wrong', stored)).toBe(false);
    expect(needsRehash(stored)).toBe(false);
  });

  it('marks a hash made with the old N=2^15 for re-hashing and refuses absurd stored costs', async () => {
    const old = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';
    expect(needsRehash(old)).toBe(true);
    expect(await verifyPassword('x', 'scrypt$1073741824$8$1$AAAA$AAAA')).toBe(false);
  });
});
