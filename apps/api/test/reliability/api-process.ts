import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export const apiRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const builtMain = join(apiRoot, 'dist/main.js');

/** Fails with what to run when the API has not been built (the process tests run `dist/main.js`). */
export function requireBuiltApi(): void {
  if (!existsSync(builtMain)) {
    throw new Error(
      `${builtMain} does not exist: build the API first (cd /work/main && npx nx run @ticketflow/api:build). The reliability suites run it as a separate process.`,
    );
  }
}

/** A throwaway database on the server in `serverUrl`. Side effects: CREATE/DROP DATABASE. */
export async function createScratchDatabase(
  serverUrl: string,
  prefix = 'tf_rel',
): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

export interface ApiProcess {
  baseUrl: string;
  /** Starts of this server so far (1 after start, +1 per restart). */
  starts: number;
  /** SIGKILLs the process (no shutdown hooks run) and waits for it to be gone. */
  kill(): Promise<void>;
  /** Starts it again on the same port and data (with `env` changes, e.g. WORKERS=off), and waits until /api/health answers. */
  restart(env?: Record<string, string>): Promise<void>;
  /** SIGTERM, then SIGKILL after 10 s; removes its data folder. */
  stop(): Promise<void>;
  /** Sends `signal` and returns at once; `exited` resolves with the exit code (null when killed by a signal). */
  signal(signal: NodeJS.Signals): { exited: Promise<number | null> };
  output(): string;
}

/**
 * Runs the built API (`node dist/main.js`) as its own process on a free port,
 * demo mode on, against `databaseUrl`, and waits until /api/health answers.
 * A fixed JWT secret keeps tokens valid across restarts and across processes.
 * Side effects: spawns a process and a temporary data folder.
 */
export async function startApiProcess(options: {
  databaseUrl: string;
  jwtSecret: string;
  env?: Record<string, string>;
}): Promise<ApiProcess> {
  requireBuiltApi();
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'ticketflow-rel-'));
  const baseUrl = `http://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  let log = '';
  const env = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    DATABASE_URL: options.databaseUrl,
    ...appRoleEnv(options.databaseUrl),
    DEMO_MODE: 'true',
    JWT_SECRET: options.jwtSecret,
    LOG_LEVEL: 'warn',
    WEB_DIST: join(dataDir, 'no-web'),
    ...options.env,
  };
  const launch = async (changes: Record<string, string> = {}) => {
    const started = spawn(process.execPath, [builtMain], {
      env: { ...env, ...changes },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = started;
    started.stdout?.on('data', (chunk: Buffer) => (log = (log + chunk.toString()).slice(-20_000)));
    started.stderr?.on('data', (chunk: Buffer) => (log = (log + chunk.toString()).slice(-20_000)));
    await waitForHealth(baseUrl, started, () => log);
    handle.starts += 1;
  };
  const handle: ApiProcess = {
    baseUrl,
    starts: 0,
    async kill() {
      const running = child;
      if (!running || running.exitCode !== null || running.signalCode !== null) return;
      const gone = new Promise<void>((done) => running.once('exit', () => done()));
      running.kill('SIGKILL');
      await gone;
    },
    restart: (changes) => launch(changes),
    async stop() {
      const running = child;
      if (running && running.exitCode === null && running.signalCode === null) {
        await new Promise<void>((done) => {
          const timer = setTimeout(() => running.kill('SIGKILL'), 10_000);
          running.once('exit', () => {
            clearTimeout(timer);
            done();
          });
          running.kill('SIGTERM');
        });
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
    output: () => log,
    signal(signal) {
      const running = child;
      if (!running || running.exitCode !== null || running.signalCode !== null)
        return { exited: Promise.resolve(running?.exitCode ?? null) };
      const exited = new Promise<number | null>((done) => running.once('exit', (code) => done(code)));
      running.kill(signal);
      return { exited };
    },
  };
  await launch();
  return handle;
}

async function waitForHealth(baseUrl: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`API exited with ${child.exitCode}:\n${output()}`);
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  child.kill('SIGKILL');
  throw new Error(`API did not become healthy in 60 s:\n${output()}`);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** With TEST_APP_ROLE, the process connects as that role and migrates as the URL's owner (see test-app.ts). */
function appRoleEnv(ownerUrl: string): Record<string, string> {
  const role = process.env.TEST_APP_ROLE;
  if (!role) return {};
  const url = new URL(ownerUrl);
  url.username = role;
  url.password = process.env.TEST_APP_ROLE_PASSWORD ?? '';
  return { DATABASE_URL: url.toString(), DATABASE_MIGRATION_URL: ownerUrl };
}
