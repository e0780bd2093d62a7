import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import en from './en.json';
import zh from './zh.json';
import { collectFieldRuleCodes, collectServerErrorCodes } from './server-error-codes';

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

describe('field rule translations', () => {
  const ruleCodes = collectFieldRuleCodes(repoRoot);
  const missing = (translations: { fieldRules: Record<string, string> }) =>
    [...ruleCodes]
      .filter(([code]) => !translations.fieldRules[code])
      .map(([code, file]) => `${code}  (in ${file})`);

  it('finds the per-field codes of validation, rule and field-value problems', () => {
    expect([...ruleCodes.keys()]).toEqual(
      expect.arrayContaining(['max-length', 'one-of', 'operator-unsupported']),
    );
  });

  it('says every per-field code in English and in Chinese', () => {
    expect(missing(en), 'add these to fieldRules in en.json').toEqual([]);
    expect(missing(zh), 'add these to fieldRules in zh.json').toEqual([]);
  });
});
