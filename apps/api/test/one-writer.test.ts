import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Issue 15: the engine module alone writes the engine's tables; everyone else observes.
const src = resolve(dirname(fileURLToPath(import.meta.url)), '../src');
const ENGINE_TABLES = [
  'instances',
  'transitions',
  'tasks',
  'approval_votes',
  'timers',
  'outbox',
  'subflow_handbacks',
];
const WRITE = new RegExp(
  `\\b(?:INSERT\\s+INTO|UPDATE|DELETE\\s+FROM|TRUNCATE)\\s+(?:ONLY\\s+)?(${ENGINE_TABLES.join('|')})\\b`,
  'gi',
);
/** Folders the engine may import: shared plumbing, the audit signer and the business calendar. */
const ENGINE_MAY_IMPORT = new Set(['common', 'config', 'database', 'audit', 'timers']);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** `file: TABLE` for every write to an engine table in `code`. Pure. */
export function engineTableWrites(file: string, code: string): string[] {
  return [...code.matchAll(WRITE)].map((match) => `${file}: ${match[0].replace(/\s+/g, ' ')}`);
}

/** The top-level source folders `code` imports from (relative imports only). Pure. */
function importedFolders(file: string, code: string): string[] {
  return [...code.matchAll(/from '(\.{1,2}\/[^']+)'/g)]
    .map((match) => relative(src, resolve(dirname(file), match[1] as string)).split('/')[0] as string)
    .filter((folder) => !folder.endsWith('.js'));
}

const outsideEngine = (file: string) => {
  const path = relative(src, file);
  return !path.startsWith('engine/') && !path.startsWith('database/migrations/');
};

describe('one writer per table', () => {
  it('no module outside src/engine writes instances, transitions, tasks, approval votes, timers or outbox rows', () => {
    const writes = sources(src)
      .filter(outsideEngine)
      .flatMap((file) => engineTableWrites(relative(src, file), readFileSync(file, 'utf8')));
    expect(writes).toEqual([]);
  });

  it('the check catches a write smuggled into another module', () => {
    expect(
      engineTableWrites(
        'tasks/x.ts',
        'await manager.query(`UPDATE tasks SET assignee_id = $2 WHERE id = $1`)',
      ),
    ).toEqual(['tasks/x.ts: UPDATE tasks']);
    expect(engineTableWrites('rules/x.ts', "q('insert into transitions (seq) values (1)')")).toHaveLength(1);
    expect(engineTableWrites('sla/x.ts', "SELECT * FROM timers WHERE status = 'scheduled'")).toEqual([]);
  });

  it('the engine imports no feature module (tasks, tickets, SLA, automation, live): they observe it', () => {
    const engineFiles = sources(join(src, 'engine'));
    const imported = new Set(
      engineFiles.flatMap((file) => importedFolders(file, readFileSync(file, 'utf8'))),
    );
    imported.delete('engine');
    expect([...imported].filter((folder) => !ENGINE_MAY_IMPORT.has(folder))).toEqual([]);
  });
});
