import { readFile } from 'node:fs/promises';

/** What commands may do to the world: print, read files, call a server. Injected so tests can fake it. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  readText(path: string): Promise<string>;
  fetch: typeof fetch;
  env: Record<string, string | undefined>;
}

/** The real terminal, file system and network. */
export function nodeIo(): CliIo {
  return {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
    readText: (path) => readFile(path, 'utf8'),
    fetch: globalThis.fetch.bind(globalThis),
    env: process.env,
  };
}

/** Exit codes: 0 fine, 1 problems found (invalid, failing, refused by the server), 2 wrong usage or unreadable input. */
export const EXIT = { ok: 0, problems: 1, usage: 2 } as const;

/**
 * Reads and parses a JSON file; a missing file or bad JSON comes back as a
 * message naming the file. Side effect: reads the file.
 */
export async function readJsonFile(
  io: CliIo,
  path: string,
): Promise<{ ok: true; value: unknown } | { ok: false; message: string }> {
  let text: string;
  try {
    text = await io.readText(path);
  } catch (error) {
    const code = (error as { code?: string }).code;
    return {
      ok: false,
      message: `${path}: ${code === 'ENOENT' ? 'no such file' : (error as Error).message}`,
    };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, message: `${path}: not valid JSON (${(error as Error).message})` };
  }
}

/** Prints an error line and returns the exit code, for `return fail(...)`. Side effect: prints. */
export function fail(io: CliIo, message: string, code: number): number {
  io.err(message);
  return code;
}
