import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import en from './en.json';
import zh from './zh.json';
import { collectServerErrorCodes } from './server-error-codes';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const codes = collectServerErrorCodes(repoRoot);

function missingIn(translations: { serverErrors: Record<string, string> }): string[] {
  return [...codes]
    .filter(([code]) => !translations.serverErrors[code])
    .map(([code, file]) => `${code}  (thrown in ${file})`);
}

describe('server error translations', () => {
  it('finds the error codes the API throws', () => {
    expect(codes.size).toBeGreaterThan(60);
    expect(codes.has('ticket-not-found')).toBe(true);
    expect(codes.has('invalid-input')).toBe(true);
    expect(codes.has('task-not-open')).toBe(true);
  });

  it('has an English text for every code the API can answer with', () => {
    const missing = missingIn(en);
    expect(
      missing,
      `add these to serverErrors in apps/web/src/i18n/en.json:\n${missing.join('\n')}\n`,
    ).toEqual([]);
  });

  it('has a Chinese text for every code the API can answer with', () => {
    const missing = missingIn(zh);
    expect(
      missing,
      `add these to serverErrors in apps/web/src/i18n/zh.json:\n${missing.join('\n')}\n`,
    ).toEqual([]);
  });
});
