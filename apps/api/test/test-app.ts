import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import pg from 'pg';
import request from 'supertest';
import { createApp } from '../src/app.factory.js';
import { loadConfig, type AppConfig } from '../src/config/app-config.js';
import { openDatabase, type DatabaseConnection } from '../src/database/database-connection.js';
import { JsonLogger } from '../src/common/logging/json-logger.js';

export interface TestApp {
  app: NestExpressApplication;
  db: DatabaseConnection;
  config: AppConfig;
  http: ReturnType<typeof request>;
  /** Signs in a demo user and returns their bearer token. */
  login(username: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * Starts the whole API on a fresh database: an in-memory PGlite by default, or
 * a new database on the server in DATABASE_URL (dropped afterwards). Demo users
 * and the example workflows are seeded, as `npm start` does.
 */
export async function startTestApp(overrides: Partial<AppConfig> = {}): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ticketflow-test-'));
  const serverUrl = process.env.DATABASE_URL;
  const databaseName = `tf_test_${randomBytes(6).toString('hex')}`;
  const databaseUrl = serverUrl ? await createDatabase(serverUrl, databaseName) : undefined;
  const config: AppConfig = {
    ...loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'error' }),
    databaseUrl,
    demoMode: true,
    ...overrides,
  };
  const db = await openDatabase(config, { inMemory: true });
  const app = await createApp(config, db, new JsonLogger('error'));
  await app.init();
  const http = request(app.getHttpServer());
  const tokens = new Map<string, string>();
  return {
    app,
    db,
    config,
    http,
    async login(username) {
      const cached = tokens.get(username);
      if (cached) return cached;
      const response = await http.post('/api/auth/login').send({ username, password: 'demo' });
      if (response.status !== 200) throw new Error(`login ${username}: ${response.status} ${JSON.stringify(response.body)}`);
      tokens.set(username, response.body.accessToken);
      return response.body.accessToken as string;
    },
    async close() {
      await app.close();
      await db.close();
      if (serverUrl) await dropDatabase(serverUrl, databaseName);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function createDatabase(serverUrl: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await client.end();
}
