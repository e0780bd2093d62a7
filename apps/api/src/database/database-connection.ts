import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import type { DatabaseSettings } from '../config/operations-config.js';
import { ADVISORY_LOCKS, withAdvisoryLock } from './advisory-lock.js';
import { grantApplicationRole } from './app-role-grants.js';
import { ENTITIES } from './entities.js';
import { MIGRATIONS } from './migrations/index.js';
import {
  EMBEDDED_MAX_CONNECTIONS,
  startEmbeddedDatabase,
  type EmbeddedDatabase,
} from './embedded-database.js';

export type DatabaseKind = 'embedded' | 'postgres';

export interface DatabaseConnection {
  kind: DatabaseKind;
  dataSource: DataSource;
  /** The URL the pool connects to (the embedded server's loopback URL on PGlite). */
  url: string;
  close(): Promise<void>;
}

const DEFAULT_SETTINGS: DatabaseSettings = {
  poolSize: 20,
  statementTimeoutMs: 30_000,
  idleInTransactionTimeoutMs: 60_000,
};

type OpenConfig = Pick<AppConfig, 'databaseUrl' | 'dataDir'> & {
  operations?: { database: DatabaseSettings };
  migrationDatabaseUrl?: string;
};

/**
 * Opens the application's database: the embedded PGlite server when no URL is
 * configured, the given PostgreSQL otherwise; one code path (the `pg` driver)
 * for both. Runs pending migrations before returning — on PostgreSQL under an
 * advisory lock, so processes starting together apply each migration once and
 * the others wait, then find nothing to do. Side effects: may start the
 * embedded server, opens a connection pool, changes the schema.
 */
export async function openDatabase(
  config: OpenConfig,
  options: { inMemory?: boolean } = {},
): Promise<DatabaseConnection> {
  let embedded: EmbeddedDatabase | undefined;
  let url = config.databaseUrl;
  if (url === undefined) {
    embedded = await startEmbeddedDatabase(options.inMemory ? undefined : `${config.dataDir}/pglite`);
    url = embedded.url;
  }
  const settings = config.operations?.database ?? DEFAULT_SETTINGS;
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
    extra: embedded
      ? { max: EMBEDDED_MAX_CONNECTIONS }
      : { ...serverPoolOptions(settings), connectionTimeoutMillis: 10_000 },
  });
  try {
    if (embedded) {
      await dataSource.initialize();
      await dataSource.runMigrations({ transaction: 'each' });
    } else {
      // Least privilege: with DATABASE_MIGRATION_URL the schema's owner migrates and grants, and the
      // application connects as DATABASE_URL's role, which cannot alter history (database/app-role-grants.ts).
      const migrationUrl = config.migrationDatabaseUrl ?? url;
      await migrateUnderLock(
        migrationUrl,
        config.migrationDatabaseUrl !== undefined ? decodeURIComponent(new URL(url).username) : undefined,
      );
      await dataSource.initialize();
    }
  } catch (error) {
    if (dataSource.isInitialized) await dataSource.destroy();
    await embedded?.stop();
    throw error;
  }
  return {
    kind: embedded ? 'embedded' : 'postgres',
    dataSource,
    url,
    async close() {
      if (dataSource.isInitialized) await dataSource.destroy();
      await embedded?.stop();
    },
  };
}

/** `pg` pool options: size and the limits PostgreSQL enforces per session (startup parameters). */
function serverPoolOptions(settings: DatabaseSettings): Record<string, unknown> {
  return {
    max: settings.poolSize,
    application_name: 'ticketflow',
    statement_timeout: settings.statementTimeoutMs,
    idle_in_transaction_session_timeout: settings.idleInTransactionTimeoutMs,
  };
}

/**
 * Applies pending migrations through a short-lived pool of its own without a
 * statement timeout (a migration on a big table may take minutes), holding the
 * migrations advisory lock. Side effects: schema changes, two connections
 * while it runs.
 */
async function migrateUnderLock(url: string, grantTo: string | undefined): Promise<void> {
  const migrator = new DataSource({
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    logging: false,
    extra: { max: 2, application_name: 'ticketflow-migrate' },
  });
  await migrator.initialize();
  try {
    await withAdvisoryLock(migrator, ADVISORY_LOCKS.migrations, async () => {
      await migrator.runMigrations({ transaction: 'each' });
      if (grantTo !== undefined) await grantApplicationRole(migrator, grantTo);
    });
  } finally {
    await migrator.destroy();
  }
}

const MIGRATION_NAMES = MIGRATIONS.map((Migration) => new Migration().name ?? Migration.name);

/** How many migrations this build knows that the database has not applied. Side effect: one query. */
export async function countPendingMigrations(dataSource: DataSource): Promise<number> {
  const [row] = (await dataSource.query(
    'SELECT count(*)::int AS applied FROM migrations WHERE name = ANY($1)',
    [MIGRATION_NAMES],
  )) as { applied: number }[];
  return MIGRATION_NAMES.length - (row?.applied ?? 0);
}
