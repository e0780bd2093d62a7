import autocannon from 'autocannon';
import { benchPool, freshDatabase, login, refundAtFinance, spawnApi } from '../api-app.mjs';
import { cloneTicket } from '../clone-instances.mjs';
import { median } from '../stats.mjs';

const CONNECTIONS = 16;

/**
 * The engine through the REST API: the API in its own process (app.listen on
 * a free port, workers off), autocannon in this one. A pool of refund tickets
 * waits at finance approval (one real ticket, copied by SQL); each request
 * approves the next task (POST /api/tasks/:id/approve as finance1). First the
 * peak: a fixed number of requests over 16 connections, approvals/s. Then
 * half of that rate (autocannon overallRate) for a few seconds: p50 / p99 ms.
 */
export async function engineHttpSuite(ctx) {
  const database = await freshDatabase(ctx.postgres.url, 'http');
  const api = await spawnApi(database.url);
  const pool = benchPool(database.url);
  try {
    const source = await refundAtFinance(api.baseUrl, pool);
    const token = await login(api.baseUrl, 'finance1');
    const peaks = [];
    const peakRuns = [];
    for (let run = 0; run <= Math.min(ctx.runs, 3); run += 1) {
      const ids = await waitingApprovals(pool, source, ctx.sizes.httpRequests);
      const result = await approve(api.baseUrl, token, ids, { amount: ids.length, connections: CONNECTIONS });
      if (run > 0) peakRuns.push(result); // run 0 warms up
      peaks.push(result.perSecond);
    }
    const peak = median(peakRuns.map((r) => r.perSecond));
    const rate = Math.max(1, Math.floor(peak / 2));
    const rateRuns = [];
    for (let run = 0; run < Math.min(ctx.runs, 3); run += 1) {
      const ids = await waitingApprovals(pool, source, Math.ceil(rate * ctx.sizes.httpRateSeconds * 1.2) + CONNECTIONS);
      rateRuns.push(await approve(api.baseUrl, token, ids, { duration: ctx.sizes.httpRateSeconds, overallRate: rate, connections: CONNECTIONS }));
    }
    ctx.results.httpPeak = peak;
    const p99 = median(rateRuns.map((r) => r.p99Ms));
    return [
      { name: 'HTTP approvals, peak', counted: `approvals/s (POST /api/tasks/:id/approve, ${CONNECTIONS} connections, ${ctx.sizes.httpRequests} requests a run)`, median: peak, p50Ms: median(peakRuns.map((r) => r.p50Ms)), p99Ms: median(peakRuns.map((r) => r.p99Ms)), errors: sum(peakRuns, 'errors') },
      { name: `HTTP approvals at half peak (${rate}/s)`, counted: `latency ms over ${ctx.sizes.httpRateSeconds} s at ${rate} approvals/s (overallRate)`, median: median(rateRuns.map((r) => r.perSecond)), p50Ms: median(rateRuns.map((r) => r.p50Ms)), p99Ms: p99, errors: sum(rateRuns, 'errors'), target: 'p99 < 20 ms', met: p99 < 20 ? 'yes' : 'no' },
    ];
  } finally {
    await pool.end();
    await api.close();
    await database.drop();
  }
}

const sum = (runs, key) => runs.reduce((total, run) => total + run[key], 0);

/** Copies the source ticket `count` times and returns the copies' open approval task ids. */
async function waitingApprovals(pool, sourceTicketId, count) {
  await pool.query(`CREATE TABLE IF NOT EXISTS bench_used (id uuid PRIMARY KEY)`);
  await cloneTicket(pool, sourceTicketId, count);
  const { rows } = await pool.query(
    `INSERT INTO bench_used SELECT id FROM tasks k WHERE k.status = 'open' AND k.kind = 'approval' AND k.ticket_id <> $1
       AND NOT EXISTS (SELECT 1 FROM bench_used u WHERE u.id = k.id) RETURNING id`,
    [sourceTicketId],
  );
  return rows.map((row) => row.id);
}

async function approve(baseUrl, token, ids, options) {
  let next = 0;
  const started = performance.now();
  const result = await autocannon({
    url: baseUrl,
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: '{}',
    requests: [{ setupRequest: (request) => ({ ...request, path: `/api/tasks/${ids[next++ % ids.length]}/approve` }) }],
    ...options,
  });
  const seconds = (performance.now() - started) / 1000;
  return { perSecond: result['2xx'] / seconds, p50Ms: result.latency.p50, p99Ms: result.latency.p99, errors: result.non2xx + result.errors + result.timeouts };
}
