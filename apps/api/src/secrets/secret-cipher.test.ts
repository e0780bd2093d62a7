import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SecretCipher } from './secret-cipher.js';

const cipher = SecretCipher.fromConfig({
  secretsKey: randomBytes(32).toString('base64'),
  demoMode: false,
  dataDir: '/nonexistent',
});

describe('SecretCipher', () => {
  it('round-trips a value and never stores it in the clear', () => {
    const sealed = cipher.seal('WMS_TOKEN', 'Bearer partner-secret-123');
    expect(sealed.ciphertext.toString('utf8')).not.toContain('partner-secret');
    expect(cipher.open('WMS_TOKEN', sealed)).toBe('Bearer partner-secret-123');
  });

  it('refuses a ciphertext moved to another name or altered', () => {
    const sealed = cipher.seal('A', 'value');
    expect(() => cipher.open('B', sealed)).toThrow();
    const altered = { ...sealed, ciphertext: Buffer.from(sealed.ciphertext.map((byte) => byte ^ 1)) };
    expect(() => cipher.open('A', altered)).toThrow();
  });

  it('is disabled outside demo mode without SECRETS_KEY', () => {
    expect(SecretCipher.fromConfig({ demoMode: false, dataDir: '/nonexistent' }).enabled).toBe(false);
  });
});
