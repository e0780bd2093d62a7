import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import pg from 'pg';
import request from 'supertest';
import type { NextFunction, Request, Response } from 'express';
import { createApp } from '../src/app.factory.js';
import { ContractCheck, describeViolations } from './contract-check.js';
import { loadConfig, type AppConfig } from '../src/config/app-config.js';
import { openDatabase, type DatabaseConnection } from '../src/database/database-connection.js';
import { AppLogger } from '../src/common/logging/app-logger.js';

export interface TestApp {
  app: NestExpressApplication;
  db: DatabaseConnection;
  config: AppConfig;
  http: ReturnType<typeof request>;
  /** What the API answered that its contract does not describe; `close()` fails on any. */
  contract: ContractCheck;
  /** Signs in a demo user and returns their bearer token. */
  login(username: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * Starts the whole API on a fresh database: an in-memory PGlite by default, or
 * a new database on the server in DATABASE_URL (dropped afterwards). Demo users
 * and the example workflows are seeded, as `npm start` does.
 */
export async function startTestApp(
  overrides: Partial<AppConfig> = {},
  options: { logger?: AppLogger } = {},
): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ticketflow-test-'));
  const serverUrl = process.env.DATABASE_URL;
  const database = serverUrl ? await createServerDatabase(serverUrl, 'tf_test') : undefined;
  const config: AppConfig = {
    ...testConfig(dataDir, database?.url),
    ...(database ? withAppRole(database.url) : {}),
    ...overrides,
  };
  const db = await openDatabase(config, { inMemory: true });
  const testApp = await startAppOn(config, db, options.logger);
  return {
    ...testApp,
    async close() {
      await testApp.close();
      await database?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * With TEST_APP_ROLE (CI sets it), the app connects as that least-privileged role and the server URL's
 * user (the owner) runs the migrations and grants, as in production (README: least privilege).
 */
export function withAppRole(ownerUrl: string): Pick<AppConfig, 'databaseUrl' | 'migrationDatabaseUrl'> {
  const role = process.env.TEST_APP_ROLE;
  if (!role) return { databaseUrl: ownerUrl };
  const url = new URL(ownerUrl);
  url.username = role;
  url.password = process.env.TEST_APP_ROLE_PASSWORD ?? '';
  return { databaseUrl: url.toString(), migrationDatabaseUrl: ownerUrl };
}

/** Runs one statement as the database's owner (the server URL's user), for tests that play an intruder with owner rights. */
export async function asOwner(t: TestApp, sql: string, params: unknown[] = []): Promise<unknown[]> {
  if (!t.config.migrationDatabaseUrl) return (await t.db.dataSource.query(sql, params)) as unknown[];
  const client = new pg.Client({ connectionString: t.config.migrationDatabaseUrl });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as unknown[];
  } finally {
    await client.end();
  }
}

/** Demo-mode configuration for tests, quiet logs, data in `dataDir` or on `databaseUrl`. */
export function testConfig(dataDir: string, databaseUrl: string | undefined): AppConfig {
  return { ...loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'error' }), databaseUrl, demoMode: true };
}

/** Starts the API on an open database; `close()` stops the app and closes that connection. */
export async function startAppOn(
  config: AppConfig,
  db: DatabaseConnection,
  logger = new AppLogger('error'),
): Promise<TestApp> {
  const app = await createApp(config, db, logger);
  // Every answer of every test is checked against the API's OpenAPI document (test/contract-check.ts).
  // The document exists once the app is initialised, so the check starts with the first test request.
  const checking: { contract?: ContractCheck } = {};
  app.use((request: Request, response: Response, next: NextFunction) =>
    checking.contract ? checking.contract.middleware()(request, response, next) : next(),
  );
  await app.init();
  const http = request(app.getHttpServer());
  const contract = new ContractCheck((await http.get('/api/docs-json')).body);
  checking.contract = contract;
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
      if (response.status !== 200)
        throw new Error(`login ${username}: ${response.status} ${JSON.stringify(response.body)}`);
      tokens.set(username, response.body.accessToken);
      return response.body.accessToken as string;
    },
    contract,
    async close() {
      await app.close();
      await db.close();
      if (contract.violations.length > 0) throw new Error(describeViolations(contract.violations));
    },
  };
}

/** Creates a throwaway database on the server in `serverUrl`; `drop()` removes it even with open connections. */
export async function createServerDatabase(
  serverUrl: string,
  prefix: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await onServer(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => onServer(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

async function onServer(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
