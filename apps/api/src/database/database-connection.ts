import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { grantApplicationRole } from './app-role-grants.js';
import { ENTITIES } from './entities.js';
import { MIGRATIONS } from './migrations/index.js';
import { EMBEDDED_MAX_CONNECTIONS, startEmbeddedDatabase, type EmbeddedDatabase } from './embedded-database.js';

export type DatabaseKind = 'embedded' | 'postgres';

export interface DatabaseConnection {
  kind: DatabaseKind;
  dataSource: DataSource;
  close(): Promise<void>;
}

/**
 * Opens the application's database: the embedded PGlite server when no URL is
 * configured, the given PostgreSQL otherwise; one code path (the `pg` driver)
 * for both. Runs pending migrations before returning. Side effects: may start
 * the embedded server, opens a connection pool, changes the schema.
 */
export async function openDatabase(config: Pick<AppConfig, 'databaseUrl' | 'dataDir'> & { migrationDatabaseUrl?: string }, options: { inMemory?: boolean } = {}): Promise<DatabaseConnection> {
  let embedded: EmbeddedDatabase | undefined;
  let url = config.databaseUrl;
  if (url === undefined) {
    embedded = await startEmbeddedDatabase(options.inMemory ? undefined : `${config.dataDir}/pglite`);
    url = embedded.url;
  }
  const dataSource = new DataSource({
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: false,
    synchronize: false,
    logging: false,
    // A server that does not answer fails the request after 10 s (503 database-unavailable) instead of hanging
    // it. Not on the embedded database: its single connection is shared by queueing, and a wait there is normal.
    extra: embedded ? { max: EMBEDDED_MAX_CONNECTIONS } : { max: 20, connectionTimeoutMillis: 10_000 },
  });
  try {
    // Least privilege: with DATABASE_MIGRATION_URL the schema's owner migrates and grants, and the
    // application connects as DATABASE_URL's role, which cannot alter history (database/app-role-grants.ts).
    if (url !== undefined && config.migrationDatabaseUrl !== undefined && !embedded) await migrateAsOwner(config.migrationDatabaseUrl, new URL(url).username);
    await dataSource.initialize();
    if (embedded || config.migrationDatabaseUrl === undefined) await dataSource.runMigrations({ transaction: 'each' });
  } catch (error) {
    if (dataSource.isInitialized) await dataSource.destroy();
    await embedded?.stop();
    throw error;
  }
  return {
    kind: embedded ? 'embedded' : 'postgres',
    dataSource,
    async close() {
      if (dataSource.isInitialized) await dataSource.destroy();
      await embedded?.stop();
    },
  };
}

async function migrateAsOwner(ownerUrl: string, appRole: string): Promise<void> {
  const owner = new DataSource({ type: 'postgres', url: ownerUrl, entities: ENTITIES, migrations: MIGRATIONS, migrationsRun: false, synchronize: false, logging: false, extra: { max: 1 } });
  await owner.initialize();
  try {
    await owner.runMigrations({ transaction: 'each' });
    await grantApplicationRole(owner, decodeURIComponent(appRole));
  } finally {
    await owner.destroy();
  }
}
