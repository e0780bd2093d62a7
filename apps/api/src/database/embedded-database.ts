import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/**
 * How many connections the embedded server accepts; the TypeORM pool uses the same number.
 * One: pglite-socket queues each protocol message on its own, so two connections' extended
 * queries (Parse/Bind/Execute) interleave outside a transaction and fail with "unnamed
 * prepared statement does not exist" — frequent once the timer and outbox workers query
 * alongside requests. PGlite runs one query at a time anyway; one connection serialises
 * whole queries and transactions instead of single messages.
 */
export const EMBEDDED_MAX_CONNECTIONS = 1;

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts PostgreSQL compiled to WASM (PGlite) in this process and exposes it on
 * a loopback port, so the application talks to it through the ordinary `pg`
 * driver exactly as it talks to a real server (docs/stack.md: typeorm-pglite shares
 * one session between connections and breaks transactions). `dataDir` undefined
 * keeps the data in memory (tests). Side effects: opens a port, writes dataDir.
 */
export async function startEmbeddedDatabase(dataDir: string | undefined): Promise<EmbeddedDatabase> {
  if (dataDir !== undefined) mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir);
  const port = await findFreePort();
  const server = new PGLiteSocketServer({
    db,
    port,
    host: '127.0.0.1',
    maxConnections: EMBEDDED_MAX_CONNECTIONS,
  });
  await server.start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}

function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
