import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

// `npm test` starts with `prettier --check .`; this proves that check fails on a drift.
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const prettier = join(root, 'node_modules/prettier/bin/prettier.cjs');
const scratch = mkdtempSync(join(tmpdir(), 'tf-format-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function check(name: string, text: string): number | null {
  const file = join(scratch, name);
  writeFileSync(file, text);
  const run = spawnSync(
    process.execPath,
    [prettier, '--check', '--config', join(root, '.prettierrc.json'), '--log-level', 'silent', file],
    { cwd: scratch },
  );
  return run.status;
}

describe('the formatting check', () => {
  it('is the first step of npm test', () => {
    const scripts = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts;
    expect(scripts.test).toMatch(/^npm run format:check && /);
    expect(scripts['format:check']).toMatch(/^prettier --check \./);
  });

  it('passes a file written in the house format', () => {
    expect(check('tidy.ts', "export const greeting = 'hello';\n")).toBe(0);
  });

  it('fails on double quotes, a missing semicolon and a line over 110 columns', () => {
    expect(check('quotes.ts', 'export const greeting = "hello"\n')).toBe(1);
    const long = `export const words = [${Array.from({ length: 20 }, (_, i) => `'word${i}'`).join(', ')}];\n`;
    expect(long.length).toBeGreaterThan(110);
    expect(check('long.ts', long)).toBe(1);
  });
});
