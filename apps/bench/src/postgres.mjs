// The bench's PostgreSQL: DATABASE_URL when set, otherwise a throwaway server (initdb in a temp dir, a free port).
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** A free TCP port on 127.0.0.1 (asks the kernel for one). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function postgresBin() {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root))
    throw new Error(
      'PostgreSQL server binaries not found under /usr/lib/postgresql (apt-get install -y postgresql), or set DATABASE_URL',
    );
  const versions = readdirSync(root)
    .filter((name) => existsSync(join(root, name, 'bin/initdb')))
    .sort((a, b) => Number(a) - Number(b));
  if (versions.length === 0) throw new Error('no initdb under /usr/lib/postgresql/*/bin');
  return join(root, versions.at(-1), 'bin');
}

/** Runs a server binary as the postgres user when we are root (initdb refuses root). */
function asPostgres(bin, args) {
  const command =
    process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  execFileSync(command[0], command[1], { stdio: ['ignore', 'ignore', 'pipe'] });
}

/**
 * Starts a PostgreSQL server for the bench, or uses DATABASE_URL when set.
 * Side effects: initdb in a temp dir, a server on a free port, exit/SIGINT
 * hooks; `stop()` (idempotent) stops it and removes the directory.
 * Returns `{ url, stop, external }` — `url` points at the `postgres` database.
 */
export async function startPostgres() {
  if (process.env.DATABASE_URL)
    return { url: process.env.DATABASE_URL, external: true, stop: async () => {} };
  const bin = postgresBin();
  const dir = mkdtempSync(join(tmpdir(), 'tf-bench-pg-'));
  const port = await freePort();
  let stopped = false;
  const stopSync = () => {
    if (stopped) return;
    stopped = true;
    try {
      asPostgres(join(bin, 'pg_ctl'), ['-D', dir, '-m', 'fast', '-w', 'stop']);
    } catch {
      // not running (start failed)
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const onSignal = (signal) => {
    stopSync();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.on('exit', stopSync);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    if (process.getuid?.() === 0) {
      const { uid, gid } = userIds('postgres');
      chownSync(dir, uid, gid);
    }
    chmodSync(dir, 0o700);
    asPostgres(join(bin, 'initdb'), ['-D', dir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
    // Settings of a developer machine, not a tuned server; fsync stays on so commits cost what they cost.
    // pg_stat_statements counts the statements each suite's database receives (see db-counters.mjs).
    const options = `-c listen_addresses=127.0.0.1 -p ${port} -c unix_socket_directories='' -c max_connections=200 -c shared_buffers=256MB -c shared_preload_libraries=pg_stat_statements`;
    asPostgres(join(bin, 'pg_ctl'), ['-D', dir, '-w', '-l', join(dir, 'server.log'), '-o', options, 'start']);
  } catch (error) {
    stopSync();
    throw new Error(`could not start PostgreSQL in ${dir}: ${error.stderr?.toString() ?? error.message}`);
  }
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    external: false,
    async stop() {
      stopSync();
      process.off('exit', stopSync);
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}

function userIds(name) {
  const uid = Number(execFileSync('id', ['-u', name]).toString().trim());
  const gid = Number(execFileSync('id', ['-g', name]).toString().trim());
  return { uid, gid };
}

/**
 * Creates a database on the server (with the pg_stat_statements extension
 * when the server can load it) and returns its name and URL; `drop()` removes it.
 */
export async function createDatabase(serverUrl, name) {
  await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  await adminQuery(url.toString(), 'CREATE EXTENSION IF NOT EXISTS pg_stat_statements').catch(() => {}); // counted rows then say why not
  return {
    name,
    url: url.toString(),
    drop: () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

async function adminQuery(serverUrl, sql) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
