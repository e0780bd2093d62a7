import { freshDatabase } from '../api-app.mjs';
import { countPerInstance, countRows, writeStatementList } from '../db-counters.mjs';
import { CONCURRENCY } from '../sizes.mjs';
import { repeat } from '../stats.mjs';

/**
 * The durable peer: DBOS Transact (@dbos-inc/dbos-sdk) in this process, its
 * system database a fresh database on the bench PostgreSQL (the same server
 * as the engine's). Each worker completes refund instances (dbos-refund.mjs:
 * start → review received → decide on the amount → approval received → end)
 * for a time window, at concurrency 1, 8 and 16: completed instances/s. Then
 * one worker does `countedInstances` more while its database's statements and
 * commits are counted. When the engine suite ran before, our engine's
 * completed instances/s ÷ DBOS's at each concurrency (target ≥ 1).
 */
export async function dbosPeerSuite(ctx) {
  const database = await freshDatabase(ctx.postgres.url, 'dbos');
  // Imported here, so the other suites do not load DBOS; registers the workflow once per process.
  const { dbosRefundInstance, launchDbos, shutdownDbos } = await import('../dbos-refund.mjs');
  await launchDbos(database.url);
  let launched = true;
  const shutdown = async () => {
    if (!launched) return;
    launched = false;
    await shutdownDbos();
  };
  try {
    const rows = [];
    ctx.results.dbos = {};
    for (const concurrency of CONCURRENCY) {
      const result = await repeat(ctx.runs, () =>
        window(dbosRefundInstance, concurrency, ctx.sizes.engineWindowMs),
      );
      ctx.results.dbos[concurrency] = result.instancesPerSecond;
      rows.push({
        name: `DBOS Transact 5.3, concurrency ${concurrency}`,
        counted: 'completed refund workflows/s (start → review → decide → approval → end)',
        median: result.instancesPerSecond,
      });
    }
    for (const concurrency of CONCURRENCY) {
      const engine = ctx.results.engine?.[concurrency]?.instancesPerSecond;
      if (engine === undefined) continue;
      const ratio = engine / ctx.results.dbos[concurrency];
      rows.push({
        name: `engine ÷ DBOS Transact, concurrency ${concurrency}`,
        counted: 'completed refund instances/s (services) ÷ DBOS workflows/s, same PostgreSQL',
        median: ratio,
        target: '≥ 1',
        met: ratio >= 1 ? 'yes' : 'no',
      });
    }
    const instances = ctx.sizes.countedInstances;
    const counts = await countPerInstance({
      serverUrl: ctx.postgres.url,
      database: database.name,
      instances,
      release: shutdown,
      work: async () => {
        for (let i = 0; i < instances; i += 1) await dbosRefundInstance();
      },
    });
    ctx.results.dbosCounts = counts;
    writeStatementList('dbos', counts);
    rows.push(
      ...countRows(`DBOS Transact (${instances} workflows, one at a time)`, counts, { targets: false }),
    );
    return rows;
  } finally {
    await shutdown();
    await database.drop();
  }
}

async function window(refundInstance, concurrency, ms) {
  let completed = 0;
  const deadline = performance.now() + ms;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        await refundInstance();
        completed += 1;
      }
    }),
  );
  return { instancesPerSecond: completed / ((performance.now() - started) / 1000) };
}
