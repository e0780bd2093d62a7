import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppConfig } from '../config/app-config.js';

/** A secret's value as stored: AES-256-GCM ciphertext, its 12-byte IV and 16-byte tag. */
export interface SealedValue {
  ciphertext: Buffer;
  iv: Buffer;
  authTag: Buffer;
}

/**
 * Encrypts and decrypts secret values with AES-256-GCM under the key from
 * `SECRETS_KEY` (in demo mode one is generated once and kept in the data
 * folder, like the token secret). The secret's name is bound in as
 * additional data, so a ciphertext copied to another name does not decrypt.
 */
export class SecretCipher {
  private constructor(private readonly key: Buffer | undefined) {}

  /** Side effect: in demo mode without SECRETS_KEY, may write `dataDir/secrets-key`. */
  static fromConfig(config: Pick<AppConfig, 'secretsKey' | 'demoMode' | 'dataDir'>): SecretCipher {
    if (config.secretsKey) return new SecretCipher(decodeKey(config.secretsKey));
    if (!config.demoMode) return new SecretCipher(undefined);
    const file = join(config.dataDir, 'secrets-key');
    if (!existsSync(file)) {
      mkdirSync(config.dataDir, { recursive: true });
      writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600 });
    }
    return new SecretCipher(decodeKey(readFileSync(file, 'utf8').trim()));
  }

  get enabled(): boolean {
    return this.key !== undefined;
  }

  seal(name: string, value: string): SealedValue {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.requireKey(), iv).setAAD(Buffer.from(name));
    const ciphertext = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
    return { ciphertext, iv, authTag: cipher.getAuthTag() };
  }

  /** Throws when the key is wrong or the row was tampered with (GCM checks the tag). */
  open(name: string, sealed: SealedValue): string {
    const decipher = createDecipheriv('aes-256-gcm', this.requireKey(), sealed.iv).setAAD(Buffer.from(name));
    decipher.setAuthTag(sealed.authTag);
    return Buffer.concat([decipher.update(sealed.ciphertext), decipher.final()]).toString('utf8');
  }

  private requireKey(): Buffer {
    if (!this.key) throw new Error('SECRETS_KEY is not set');
    return this.key;
  }
}

function decodeKey(raw: string): Buffer {
  return /^[0-9a-fA-F]{64}$/.test(raw) ? Buffer.from(raw, 'hex') : Buffer.from(raw, 'base64');
}
