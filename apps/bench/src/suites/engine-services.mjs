import { benchPool, freshDatabase, openTaskId, RECEIPT_PDF, startInProcessApi } from '../api-app.mjs';
import { countPerInstance, countRows, writeStatementList } from '../db-counters.mjs';
import { CONCURRENCY } from '../sizes.mjs';
import { percentile, repeat } from '../stats.mjs';

const CALLS = ['create', 'attach', 'complete', 'approve'];

/**
 * The engine through its NestJS services, in this process, on a fresh
 * database of the bench PostgreSQL (workers off): each worker completes refund
 * instances — requester creates a ticket of 6,200 and attaches its receipt
 * (the review requires one; `AttachmentsService.store`, the upload's checks
 * and write without the multipart parsing) → agent completes the review →
 * finance1 approves — for a time window, at concurrency 1, 8 and 16. The
 * receipt is one more transaction per instance in the rates; the statement
 * and commit counts leave it out (counted aside, see db-counters.mjs).
 * Counted: completed instances/s, committed transitions/s (rows counted in
 * `transitions`), p50 / p99 ms per service call. Ratios against the database
 * ceiling (same concurrency), the peer engine in memory and DBOS Transact.
 * Last, one worker does `countedInstances` more instances while the
 * database's statements and commits are counted (db-counters.mjs).
 */
export async function engineServicesSuite(ctx) {
  const database = await freshDatabase(ctx.postgres.url, 'engine');
  const api = await startInProcessApi(database.url);
  const pool = benchPool(database.url, 16);
  let closed = false;
  const closeConnections = async () => {
    if (closed) return;
    closed = true;
    await pool.end();
    await api.close();
  };
  try {
    const rows = [];
    ctx.results.engine = {};
    for (const concurrency of CONCURRENCY) {
      const result = await repeat(ctx.runs, () => window(api, pool, concurrency, ctx.sizes.engineWindowMs));
      ctx.results.engine[concurrency] = result;
      rows.push({
        name: `engine services, concurrency ${concurrency}`,
        counted: 'completed refund instances/s (create → receipt → complete review → approve)',
        median: result.instancesPerSecond,
      });
      rows.push({
        name: `engine services, concurrency ${concurrency}`,
        counted: 'committed transitions/s (rows in transitions)',
        median: result.transitionsPerSecond,
      });
      for (const call of CALLS) {
        rows.push({
          name: `engine services, concurrency ${concurrency}`,
          counted: `ms per ${call} call (one transaction)`,
          p50Ms: result[`${call}P50`],
          p99Ms: result[`${call}P99`],
        });
      }
      const ceiling = ctx.results.ceiling?.[concurrency];
      if (ceiling) {
        const ratio = result.transitionsPerSecond / ceiling;
        rows.push({
          name: `engine ÷ database ceiling, concurrency ${concurrency}`,
          counted: 'committed transitions/s ÷ ceiling transitions/s',
          median: ratio,
          target: '≥ 0.60',
          met: ratio >= 0.6 ? 'yes' : 'no',
        });
      }
    }
    const peak = Math.max(...CONCURRENCY.map((c) => ctx.results.engine[c].instancesPerSecond));
    if (ctx.results.peerInMemory) {
      const ratio = peak / ctx.results.peerInMemory;
      rows.push({
        name: 'engine ÷ peer engine in memory',
        counted: 'best completed instances/s (durable) ÷ bpmn-engine in-memory instances/s',
        median: ratio,
        target: '≥ 20',
        met: ratio >= 20 ? 'yes' : 'no',
      });
    }
    const instances = ctx.sizes.countedInstances;
    const counts = await countPerInstance({
      serverUrl: ctx.postgres.url,
      database: database.name,
      instances,
      release: closeConnections,
      // The receipt upload is not an engine event: counted aside and left out of the per-instance figures.
      work: async ({ aside }) => {
        for (let i = 0; i < instances; i += 1)
          await refundInstance(api, pool, (call, step) => (call === 'attach' ? aside(step) : step()));
        return { ownStatements: 2 * instances }; // refundInstance's two openTaskId reads
      },
    });
    ctx.results.engineCounts = counts;
    writeStatementList('engine', counts);
    rows.push(
      ...countRows(`engine services (${instances} instances, one at a time)`, counts, { targets: true }),
    );
    return rows;
  } finally {
    await closeConnections();
    await database.drop();
  }
}

/** One refund instance through the services: create 6,200 → its receipt → agent completes the review → finance1 approves. */
async function refundInstance({ tickets, attachments, tasks, users }, pool, timed = (_call, work) => work()) {
  const ticket = await timed('create', () =>
    tickets.create(
      { workflowKey: 'refund-approval', title: 'Bench refund', fields: { refundAmount: 6200 } },
      users.requester,
    ),
  );
  await timed('attach', () =>
    attachments.store(ticket.id, {
      name: 'receipt.pdf',
      bytes: RECEIPT_PDF,
      visibility: 'public',
      actor: { id: users.requester.id },
    }),
  );
  const review = await openTaskId(pool, ticket.id);
  await timed('complete', () => tasks.complete(review, { outcome: 'completed' }, users.agent));
  const approval = await openTaskId(pool, ticket.id);
  await timed('approve', () => tasks.approve(approval, {}, users.finance1));
}

async function window(api, pool, concurrency, ms) {
  const before = Number((await pool.query('SELECT count(*) AS n FROM transitions')).rows[0].n);
  const latencies = Object.fromEntries(CALLS.map((call) => [call, []]));
  const timed = async (call, work) => {
    const t0 = performance.now();
    const result = await work();
    latencies[call].push(performance.now() - t0);
    return result;
  };
  let completed = 0;
  const deadline = performance.now() + ms;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        await refundInstance(api, pool, timed);
        completed += 1;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const after = Number((await pool.query('SELECT count(*) AS n FROM transitions')).rows[0].n);
  return {
    instancesPerSecond: completed / seconds,
    transitionsPerSecond: (after - before) / seconds,
    ...Object.fromEntries(
      CALLS.flatMap((call) => [
        [`${call}P50`, percentile(latencies[call], 50)],
        [`${call}P99`, percentile(latencies[call], 99)],
      ]),
    ),
  };
}
