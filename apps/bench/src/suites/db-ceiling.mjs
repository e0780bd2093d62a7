import pg from 'pg';
import { benchPool, freshDatabase, startInProcessApi } from '../api-app.mjs';
import { cloneTicket } from '../clone-instances.mjs';
import { CONCURRENCY } from '../sizes.mjs';
import { percentile, repeat } from '../stats.mjs';

/**
 * The database ceiling: the transaction the engine writes per transition —
 * BEGIN; SELECT the instance row FOR UPDATE; INSERT one transition; UPDATE
 * the instance's seq; COMMIT — issued directly with `pg` on the engine's own
 * schema (same indexes, same node_visits trigger), at concurrency 1, 8 and 16:
 * a pool of that size, each worker on its own instance row. Transitions/s.
 */
export async function dbCeilingSuite(ctx) {
  const database = await freshDatabase(ctx.postgres.url, 'ceiling');
  try {
    const api = await startInProcessApi(database.url);
    const { users } = api;
    const ticket = await api.tickets.create(
      { workflowKey: 'refund-approval', title: 'Ceiling', fields: { refundAmount: 6200 } },
      users.requester,
    );
    await api.close();
    const setup = benchPool(database.url, 1);
    await cloneTicket(setup, ticket.id, Math.max(...CONCURRENCY) - 1);
    const instanceIds = (await setup.query('SELECT id FROM instances ORDER BY id')).rows.map((row) => row.id);
    await setup.end();
    const rows = [];
    ctx.results.ceiling = {};
    for (const concurrency of CONCURRENCY) {
      const pool = new pg.Pool({ connectionString: database.url, max: concurrency });
      try {
        const result = await repeat(ctx.runs, () =>
          window(pool, instanceIds.slice(0, concurrency), ctx.sizes.windowMs),
        );
        ctx.results.ceiling[concurrency] = result.perSecond;
        rows.push({
          name: `database ceiling, concurrency ${concurrency}`,
          counted: 'transitions/s committed (lock, insert, update seq, commit)',
          median: result.perSecond,
          p50Ms: result.p50Ms,
          p99Ms: result.p99Ms,
        });
      } finally {
        await pool.end();
      }
    }
    return rows;
  } finally {
    await database.drop();
  }
}

async function window(pool, instanceIds, ms) {
  const deadline = performance.now() + ms;
  const latencies = [];
  const started = performance.now();
  await Promise.all(
    instanceIds.map(async (instanceId) => {
      const client = await pool.connect();
      try {
        while (performance.now() < deadline) {
          const t0 = performance.now();
          await client.query('BEGIN');
          const {
            rows: [instance],
          } = await client.query('SELECT id, seq, snapshot FROM instances WHERE id = $1 FOR UPDATE', [
            instanceId,
          ]);
          await client.query(
            `INSERT INTO transitions (instance_id, seq, event, from_node, to_node, actor_id, payload, at) VALUES ($1, $2, 'bench', 'review', 'review', NULL, NULL, clock_timestamp())`,
            [instanceId, instance.seq + 1],
          );
          await client.query('UPDATE instances SET seq = $2, updated_at = now() WHERE id = $1 AND seq = $3', [
            instanceId,
            instance.seq + 1,
            instance.seq,
          ]);
          await client.query('COMMIT');
          latencies.push(performance.now() - t0);
        }
      } finally {
        client.release();
      }
    }),
  );
  return {
    perSecond: latencies.length / ((performance.now() - started) / 1000),
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
  };
}
