import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppConfig, WorkerConfig } from '../src/config/app-config.js';
import { openDatabase, type DatabaseConnection } from '../src/database/database-connection.js';
import { createServerDatabase, startAppOn, testConfig, withAppRole, type TestApp } from './test-app.js';

/**
 * A database that outlives the apps started on it: a PGlite data folder
 * (one process at a time, as in production) or a fresh database on the
 * server in DATABASE_URL (any number of apps at once). For restart and
 * scale-out tests; `dispose()` removes it.
 */
export interface SharedDatabase {
  kind: 'embedded' | 'postgres';
  /** Opens a connection (runs migrations); for embedded, only one may be open. */
  open(): Promise<DatabaseConnection>;
  /** Starts the whole API on this database; `close()` stops the app and its connection, keeping the data. */
  startApp(workers?: Partial<WorkerConfig>, db?: DatabaseConnection): Promise<TestApp>;
  dispose(): Promise<void>;
}

export async function createSharedDatabase(): Promise<SharedDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ticketflow-shared-'));
  const serverUrl = process.env.DATABASE_URL;
  const database = serverUrl ? await createServerDatabase(serverUrl, 'tf_shared') : undefined;
  const base = { ...testConfig(dataDir, database?.url), ...(database ? withAppRole(database.url) : {}) };
  const open = () => openDatabase(base);
  return {
    kind: serverUrl ? 'postgres' : 'embedded',
    open,
    async startApp(workers = {}, given) {
      const config: AppConfig = { ...base, workers: { ...base.workers, ...workers } };
      return startAppOn(config, given ?? (await open()));
    },
    async dispose() {
      await database?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Polls `check` until it returns a value other than undefined/false, or fails after `timeoutMs`. */
export async function eventually<T>(
  check: () => Promise<T | undefined | false>,
  timeoutMs = 10_000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
