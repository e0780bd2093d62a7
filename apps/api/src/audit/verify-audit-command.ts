import 'reflect-metadata';
import { ConfigError, loadConfig } from '../config/app-config.js';
import { openDatabase } from '../database/database-connection.js';
import { resolveJwtSecret } from '../auth/jwt-secret.js';
import { resolveAuditKey } from './audit-key.js';
import { AUDIT_PAGE_SQL, verifyAuditTable, type AuditRow } from './verify-audit-log.js';

/**
 * `node apps/api/dist/audit/verify-audit-command.js`: checks the audit log's
 * chains (per ticket, keyed with AUDIT_KEY or the key derived from JWT_SECRET) in the database the server would use (DATABASE_URL, or the
 * embedded data in DATA_DIR — stop the server first, PGlite is one process).
 * Prints `audit log OK` or the first tampered row; exits 1 on tampering, 2 on
 * a configuration error.
 */
async function main(): Promise<number> {
  let config;
  let key: string;
  try {
    // The database settings and the keys matter here; the server's own checks (demo passwords) do not.
    config = loadConfig({ ...process.env, DEMO_MODE: 'true' });
    key = resolveAuditKey(config.auditKey, config.jwtSecret ?? resolveJwtSecret(config));
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Configuration error: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  const db = await openDatabase(config);
  try {
    const result = await verifyAuditTable(
      (afterId, limit) => db.dataSource.query(AUDIT_PAGE_SQL, [afterId, limit]) as Promise<AuditRow[]>,
      key,
    );
    if (result.ok) {
      process.stdout.write(`audit log OK: ${result.checked} rows in ${result.chains} chains\n`);
      return 0;
    }
    process.stdout.write(
      `audit log TAMPERED: row ${result.tamperedId} (${result.reason}); ${result.checked} rows before it are intact\n`,
    );
    return 1;
  } finally {
    await db.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`verify-audit failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(3);
  },
);
