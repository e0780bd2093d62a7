import { describe, expect, it } from 'vitest';
import en from './en.json';
import zh from './zh.json';

function keysOf(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    v && typeof v === 'object' ? keysOf(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

describe('translations', () => {
  it('English and Chinese have the same keys', () => {
    expect(keysOf(zh).sort()).toEqual(keysOf(en).sort());
  });
});
