import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import request from 'supertest';
import { createApp } from '../src/app.factory.js';
import { loadConfig, type AppConfig, type WorkerConfig } from '../src/config/app-config.js';
import { openDatabase, type DatabaseConnection } from '../src/database/database-connection.js';
import { JsonLogger } from '../src/common/logging/json-logger.js';
import type { TestApp } from './test-app.js';

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
  const name = `tf_shared_${randomBytes(6).toString('hex')}`;
  let databaseUrl: string | undefined;
  if (serverUrl) {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    await client.query(`CREATE DATABASE ${name}`);
    await client.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
  }
  const base: AppConfig = { ...loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'error' }), databaseUrl, demoMode: true };
  const open = () => openDatabase(base);
  return {
    kind: serverUrl ? 'postgres' : 'embedded',
    open,
    async startApp(workers = {}, given) {
      const config: AppConfig = { ...base, workers: { ...base.workers, ...workers } };
      const db = given ?? (await open());
      const app = await createApp(config, db, new JsonLogger('error'));
      await app.init();
      const http = request(app.getHttpServer());
      const tokens = new Map<string, string>();
      return {
        app,
        db,
        config,
        http,
        async login(username: string) {
          const cached = tokens.get(username);
          if (cached) return cached;
          const response = await http.post('/api/auth/login').send({ username, password: 'demo' });
          if (response.status !== 200) throw new Error(`login ${username}: ${response.status}`);
          tokens.set(username, response.body.accessToken);
          return response.body.accessToken as string;
        },
        async close() {
          await app.close();
          await db.close();
        },
      };
    },
    async dispose() {
      if (serverUrl) {
        const client = new pg.Client({ connectionString: serverUrl });
        await client.connect();
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await client.end();
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Polls `check` until it returns a value other than undefined/false, or fails after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T | undefined | false>, timeoutMs = 10_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
