import { readFile } from 'node:fs/promises';
import type { CliIo } from '../src/cli-io.js';

/** The repository root, for the real workflows/ files. */
export const REPO = new URL('../../../', import.meta.url).pathname;

/**
 * A CliIo that records what is printed and reads `files` from memory before
 * the disk (paths relative to the repository root otherwise).
 */
export function fakeIo(files: Record<string, unknown> = {}, env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    out: (text) => out.push(...text.split('\n')),
    err: (text) => err.push(...text.split('\n')),
    readText: async (path) => {
      if (path in files) {
        const content = files[path];
        return typeof content === 'string' ? content : JSON.stringify(content);
      }
      return readFile(path.startsWith('/') ? path : `${REPO}${path}`, 'utf8');
    },
    fetch: globalThis.fetch.bind(globalThis),
    env,
  };
  return { io, out, err, text: () => out.join('\n'), errors: () => err.join('\n') };
}
