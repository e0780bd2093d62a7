import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './database-connection.js';

describe.runIf(!process.env.DATABASE_URL)('the embedded database', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ticketflow-persist-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps its data in the data folder across a restart, and migrates once', async () => {
    const first = await openDatabase({ dataDir, databaseUrl: undefined });
    expect(first.kind).toBe('embedded');
    await first.dataSource.query(`INSERT INTO roles (name, label) VALUES ('auditor', 'Auditor')`);
    await first.close();

    const second = await openDatabase({ dataDir, databaseUrl: undefined });
    const rows = await second.dataSource.query(`SELECT label FROM roles WHERE name = 'auditor'`);
    const migrations = await second.dataSource.query('SELECT count(*)::int AS n FROM migrations');
    await second.close();
    expect(rows).toEqual([{ label: 'Auditor' }]);
    expect(migrations[0].n).toBeGreaterThan(0);
  });
});
