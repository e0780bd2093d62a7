// Counted, not estimated: statements and commits a suite's database receives per refund instance.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { repoRoot } from './fixtures.mjs';

/**
 * PostgreSQL keeps a backend's transaction counts in local memory and
 * publishes them to pg_stat_database at most once a second while busy and
 * within 10 s of going idle (PGSTAT_IDLE_INTERVAL), or when it exits. Before
 * the first reading we wait that long; after the counted work the caller
 * closes its connections, so the backends publish as they exit.
 */
const STATS_IDLE_FLUSH_MS = 11_000;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Counts what one database of the bench server receives while `work` runs:
 * statements (pg_stat_statements `calls`, top-level statements including
 * BEGIN and COMMIT); commits that wrote (transaction ids handed out on the
 * whole server, read from the snapshot's xmax: each is one commit record and
 * one WAL flush; nothing else writes meanwhile, autovacuum aside); and every
 * commit (pg_stat_database.xact_commit: read-only transactions too, and the
 * one a LISTENing connection runs each time a NOTIFY wakes it).
 *
 * `work({ aside })` does `instances` instances and returns `{ ownStatements }`:
 * the bench's own single-statement reads on that database (e.g. finding the
 * open task), each one statement and one commit, which are subtracted.
 * `aside(fn)` runs a step that is not the engine's (the refund's receipt
 * upload) between two readings and subtracts what it issued: its statements
 * and transaction ids are read at once, and each of its write transactions
 * is taken as one commit (xact_commit is published too late to read there).
 * `release()` must close every connection to the database (the API, the
 * pools). Reads the counters from the server's `postgres` database, so the
 * reading itself is not counted. Returns per-instance figures, or
 * `{ unavailable: reason }` when pg_stat_statements is not loaded.
 */
export async function countPerInstance({ serverUrl, database, instances, work, release }) {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    const unavailable = await statementsUnavailable(admin);
    if (unavailable) {
      await release();
      return { unavailable };
    }
    await sleep(STATS_IDLE_FLUSH_MS);
    const before = await reading(admin, database);
    const set = { statements: 0, xids: 0, byQuery: new Map() };
    const aside = async (step) => {
      const from = await reading(admin, database);
      const result = await step();
      const to = await reading(admin, database);
      set.statements += to.statements - from.statements;
      set.xids += to.nextXid - from.nextXid;
      for (const [key, { calls }] of to.byQuery) {
        const delta = calls - (from.byQuery.get(key)?.calls ?? 0);
        if (delta > 0) set.byQuery.set(key, (set.byQuery.get(key) ?? 0) + delta);
      }
      return result;
    };
    const { ownStatements = 0 } = (await work({ aside })) ?? {};
    await release();
    await untilNoBackends(admin, database);
    const after = await reading(admin, database);
    const counted = new Map(
      [...after.byQuery].map(([key, entry]) => [
        key,
        { ...entry, calls: entry.calls - (set.byQuery.get(key) ?? 0) },
      ]),
    );
    return {
      statements: (after.statements - before.statements - ownStatements - set.statements) / instances,
      commits: (after.commits - before.commits - ownStatements - set.xids) / instances,
      writeTransactions: (after.nextXid - before.nextXid - set.xids) / instances,
      byStatement: statementDeltas(before.byQuery, counted, instances),
    };
  } finally {
    await admin.end();
  }
}

async function statementsUnavailable(admin) {
  try {
    await admin.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
    await admin.query('SELECT 1 FROM pg_stat_statements LIMIT 1');
    return null;
  } catch (error) {
    return `pg_stat_statements is not available on this server (${error.message}); add it to shared_preload_libraries`;
  }
}

async function reading(admin, database) {
  const {
    rows: [row],
  } = await admin.query(
    `SELECT (SELECT xact_commit FROM pg_stat_database WHERE datname = $1)::bigint AS commits,
            pg_snapshot_xmax(pg_current_snapshot())::text::bigint AS next_xid`,
    [database],
  );
  const { rows: queries } = await admin.query(
    `SELECT s.userid::text || ':' || s.queryid::text AS key, s.calls::bigint AS calls, s.query
       FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid WHERE d.datname = $1`,
    [database],
  );
  const byQuery = new Map(queries.map((q) => [q.key, { calls: Number(q.calls), query: q.query }]));
  const statements = queries.reduce((total, q) => total + Number(q.calls), 0);
  return { statements, commits: Number(row.commits), nextXid: Number(row.next_xid), byQuery };
}

/** Calls per instance of each statement the work issued, most first (texts as pg_stat_statements normalised them). */
function statementDeltas(before, after, instances) {
  return [...after.entries()]
    .map(([key, { calls, query }]) => ({
      perInstance: (calls - (before.get(key)?.calls ?? 0)) / instances,
      query: query.replace(/\s+/g, ' ').trim(),
    }))
    .filter((entry) => entry.perInstance > 0)
    .sort((a, b) => b.perInstance - a.perInstance);
}

/** Statements per instance grouped by their first word: "SELECT 20.0, UPDATE 14.0, …". */
export function statementKinds(byStatement) {
  const kinds = new Map();
  for (const { perInstance, query } of byStatement) {
    const kind = (query.match(/^[a-z]+/i)?.[0] ?? 'other').toUpperCase();
    kinds.set(kind, (kinds.get(kind) ?? 0) + perInstance);
  }
  return [...kinds.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([kind, n]) => `${kind} ${n.toFixed(1)}`)
    .join(', ');
}

/** Writes the per-statement list to bench/results/<name>-statements.txt (for finding what to cut); returns its path. */
export function writeStatementList(name, counts) {
  if (!counts.byStatement) return null;
  const dir = join(repoRoot, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}-statements.txt`);
  const lines = counts.byStatement.map(
    ({ perInstance, query }) => `${perInstance.toFixed(2).padStart(6)}  ${query}`,
  );
  writeFileSync(
    path,
    `calls per refund instance, as the database received them (the bench's own reads included)\n${lines.join('\n')}\n`,
  );
  return path;
}

async function untilNoBackends(admin, database) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const {
      rows: [{ n }],
    } = await admin.query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [database]);
    if (n === 0) break;
    if (Date.now() > deadline) throw new Error(`${n} connections to ${database} still open after 30 s`);
    await sleep(50);
  }
  await sleep(200); // an exiting backend publishes its counts as it goes
}

/** The rows a suite prints for its counts (targets: ≤ 15 statements and ≤ 3 commits per refund instance). */
export function countRows(label, counts, { targets }) {
  if (counts.unavailable)
    return [
      {
        name: `${label}: statements and commits per refund instance`,
        counted: `skipped: ${counts.unavailable}`,
      },
    ];
  const target = (text, met) => (targets ? { target: text, met: met ? 'yes' : 'no' } : {});
  return [
    {
      name: `${label}: statements per refund instance`,
      counted: 'pg_stat_statements calls on its database ÷ instances (BEGIN and COMMIT included)',
      median: counts.statements,
      ...target('≤ 15', counts.statements <= 15),
    },
    {
      name: `${label}: commits that wrote per refund instance`,
      counted: 'transaction ids assigned on the server ÷ instances (one commit record and WAL flush each)',
      median: counts.writeTransactions,
      ...target('≤ 3', counts.writeTransactions <= 3),
    },
    {
      name: `${label}: all commits per refund instance`,
      counted: 'pg_stat_database.xact_commit delta ÷ instances (read-only and LISTEN wake-ups included)',
      median: counts.commits,
    },
    {
      name: `${label}: statements by first word`,
      counted: `per instance (bench reads included): ${statementKinds(counts.byStatement)}`,
    },
  ];
}
