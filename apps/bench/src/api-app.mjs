// Booting the built API for the benchmarks: in this process (services via app.get) or as a child process (HTTP, memory).
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pg from 'pg';
import { repoRoot } from './fixtures.mjs';
import { createDatabase } from './postgres.mjs';

const BENCH_JWT_SECRET = randomBytes(24).toString('hex');

/**
 * The built API's public entry point (`@ticketflow/api`, apps/api/src/index.ts). BENCH_API_DIST=apps/api/other-dist
 * compares another build: its own `index.js`, the same entry point of that build.
 */
export const loadApi = () =>
  process.env.BENCH_API_DIST
    ? // eslint-disable-next-line no-restricted-syntax -- another build's own entry point, chosen at run time
      import(pathToFileURL(resolve(repoRoot, process.env.BENCH_API_DIST, 'index.js')).href)
    : import('@ticketflow/api');

/** A fresh, empty database on the bench server, dropped by `drop()`. */
export function freshDatabase(serverUrl, label) {
  return createDatabase(serverUrl, `tf_bench_${label}_${randomBytes(4).toString('hex')}`);
}

/**
 * Boots the API in this process on `databaseUrl` (migrated, demo users and
 * workflows seeded), workers off unless asked. Returns the Nest app, the
 * services the benchmarks call, the demo users as AuthUser, and `close()`.
 */
export async function startInProcessApi(databaseUrl, { workers = false, pollMs = 1000 } = {}) {
  const { createApp, loadConfig, openDatabase, AppLogger, TicketsService, TasksService, AttachmentsService } =
    await loadApi();
  const dataDir = mkdtempSync(join(tmpdir(), 'tf-bench-api-'));
  const config = {
    ...loadConfig({
      DATA_DIR: dataDir,
      LOG_LEVEL: 'error',
      WORKERS: String(workers),
      WORKER_POLL_MS: String(pollMs),
    }),
    databaseUrl,
    demoMode: true,
  };
  const db = await openDatabase(config);
  const app = await createApp(config, db, new AppLogger('error'));
  await app.init();
  const users = await demoUsers(db.dataSource);
  return {
    app,
    dataSource: db.dataSource,
    tickets: app.get(TicketsService),
    tasks: app.get(TasksService),
    attachments: app.get(AttachmentsService),
    users,
    async close() {
      await app.close();
      await db.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function demoUsers(dataSource) {
  const rows = await dataSource.query(`SELECT id, username, display_name AS "displayName", roles FROM users`);
  return Object.fromEntries(rows.map((row) => [row.username, row]));
}

/**
 * Starts the API as a child process (`node --expose-gc api-child.mjs`)
 * listening on a free port. `memory()` asks it for process.memoryUsage()
 * after a forced GC; `timerStats()` for its timer scheduler's counters;
 * `close()` shuts it down, `kill()` SIGKILLs it. Migrations run in the child, so start children on
 * one database one after the other.
 */
export async function spawnApi(databaseUrl, { workers = false, pollMs = 1000 } = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'tf-bench-child-'));
  const child = fork(fileURLToPath(new URL('./api-child.mjs', import.meta.url)), [], {
    execArgv: ['--expose-gc'],
    // One token secret for every child, so a token from one is good on another.
    env: {
      ...process.env,
      BENCH_DATABASE_URL: databaseUrl,
      BENCH_DATA_DIR: dataDir,
      WORKERS: String(workers),
      WORKER_POLL_MS: String(pollMs),
      JWT_SECRET: BENCH_JWT_SECRET,
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  child.once('exit', () => rmSync(dataDir, { recursive: true, force: true }));
  const pending = new Map();
  let nextId = 0;
  const ready = new Promise((resolvePort, reject) => {
    child.once('exit', (code) => reject(new Error(`API child exited with ${code} before it was ready`)));
    child.on('message', (message) => {
      if (message.type === 'ready') resolvePort(message.port);
      else if (message.type === 'failed') reject(new Error(`API child: ${message.error}`));
      else pending.get(message.id)?.(message.value);
    });
  });
  const ask = (type) =>
    new Promise((answer) => {
      nextId += 1;
      pending.set(nextId, answer);
      child.send({ type, id: nextId });
    });
  const port = await ready;
  return {
    port,
    baseUrl: `http://127.0.0.1:${port}`,
    pid: child.pid,
    memory: () => ask('memory'),
    timerStats: () => ask('timer-stats'),
    /** SIGKILL, as a crash would: no shutdown hook runs, its claims and connections are left behind. */
    kill: () =>
      new Promise((done) => {
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGKILL');
      }),
    close: () =>
      new Promise((done) => {
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.removeAllListeners('exit');
        child.once('exit', () => {
          rmSync(dataDir, { recursive: true, force: true });
          done();
        });
        child.send({ type: 'close' });
        setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
      }),
  };
}

/** A `pg` pool on the bench database for setup and counting (not the API's pool). */
export function benchPool(databaseUrl, max = 4) {
  return new pg.Pool({ connectionString: databaseUrl, max });
}

/** The id of the ticket's open task (the one the next step acts on). */
export async function openTaskId(pool, ticketId) {
  const { rows } = await pool.query(
    `SELECT id FROM tasks WHERE ticket_id = $1 AND status = 'open' ORDER BY created_at DESC LIMIT 1`,
    [ticketId],
  );
  if (!rows[0]) throw new Error(`ticket ${ticketId} has no open task`);
  return rows[0].id;
}

/** Over HTTP: signs in a demo user (password `demo`) and returns the bearer token. */
export async function login(baseUrl, username) {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'demo' }),
  });
  if (!response.ok) throw new Error(`login ${username}: ${response.status}`);
  return (await response.json()).accessToken;
}

/**
 * The sample receipt (a one-page PDF shared with the API's tests): the refund template's agent
 * review requires a file on the ticket (`form.attachments.required`).
 */
export const RECEIPT_PDF = readFileSync(resolve(repoRoot, 'apps/api/test/fixtures/receipt.pdf'));

/** Over HTTP: uploads the sample receipt to a ticket (multipart `file`); throws unless stored. */
export async function attachReceipt(baseUrl, token, ticketId) {
  const form = new FormData();
  form.append('file', new Blob([RECEIPT_PDF], { type: 'application/pdf' }), 'receipt.pdf');
  const response = await fetch(`${baseUrl}/api/tickets/${ticketId}/attachments`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  if (response.status !== 201) throw new Error(`attach receipt: ${response.status} ${await response.text()}`);
}

/** Over HTTP: POSTs JSON with a bearer token; throws unless 2xx. */
export async function postJson(baseUrl, path, token, body = {}) {
  const response = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`POST ${path}: ${response.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

/** Over HTTP: GETs JSON with a bearer token; throws unless 2xx. */
export async function getJson(baseUrl, path, token) {
  const response = await fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
  const text = await response.text();
  if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${text}`);
  return JSON.parse(text);
}

/**
 * Over HTTP: a real refund ticket (6,200, its receipt attached) whose agent review is done, so it
 * waits at finance approval with its 48 h timeout timer. Returns its id.
 */
export async function refundAtFinance(baseUrl, pool) {
  const requester = await login(baseUrl, 'requester');
  const agent = await login(baseUrl, 'agent');
  const ticket = await postJson(baseUrl, '/api/tickets', requester, {
    workflowKey: 'refund-approval',
    title: 'Bench refund',
    fields: { refundAmount: 6200 },
  });
  await attachReceipt(baseUrl, requester, ticket.id);
  await postJson(baseUrl, `/api/tasks/${await openTaskId(pool, ticket.id)}/complete`, agent, {
    outcome: 'completed',
  });
  return ticket.id;
}
