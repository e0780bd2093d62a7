import autocannon from 'autocannon';
import { benchPool, freshDatabase, login, refundAtFinance, spawnApi } from '../api-app.mjs';
import { cloneTicket } from '../clone-instances.mjs';
import { refundUsers, usersWindow } from '../http-users.mjs';
import { median } from '../stats.mjs';

const CONNECTIONS = 16;
const USER_CLIENTS = 16;

/**
 * The engine through the REST API: the API in its own process (app.listen on
 * a free port, workers off), the clients in this one.
 * 1. 16 clients acting as users do (http-users.mjs: create, receipt, agent's inbox,
 *    complete, finance1's inbox, approve) for a few seconds: completed
 *    instances/s, committed transitions/s and their ratio to the database
 *    ceiling at concurrency 16. Runs first, while the inboxes are short.
 * 2. Autocannon on approvals alone: a pool of refund tickets waits at finance
 *    approval (one real ticket, copied by SQL); each request approves the next
 *    task (POST /api/tasks/:id/approve as finance1). The peak: a fixed number
 *    of requests over 16 connections, approvals/s. Then half of that rate
 *    (autocannon overallRate) for a few seconds: p50 / p99 ms.
 */
export async function engineHttpSuite(ctx) {
  const database = await freshDatabase(ctx.postgres.url, 'http');
  const api = await spawnApi(database.url);
  const pool = benchPool(database.url);
  try {
    const rows = await usersRows(ctx, api.baseUrl, pool);
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
      const ids = await waitingApprovals(
        pool,
        source,
        Math.ceil(rate * ctx.sizes.httpRateSeconds * 1.2) + CONNECTIONS,
      );
      rateRuns.push(
        await approve(api.baseUrl, token, ids, {
          duration: ctx.sizes.httpRateSeconds,
          overallRate: rate,
          connections: CONNECTIONS,
        }),
      );
    }
    ctx.results.httpPeak = peak;
    const p99 = median(rateRuns.map((r) => r.p99Ms));
    return [
      ...rows,
      {
        name: 'HTTP approvals, peak',
        counted: `approvals/s (POST /api/tasks/:id/approve, ${CONNECTIONS} connections, ${ctx.sizes.httpRequests} requests a run)`,
        median: peak,
        p50Ms: median(peakRuns.map((r) => r.p50Ms)),
        p99Ms: median(peakRuns.map((r) => r.p99Ms)),
        errors: sum(peakRuns, 'errors'),
      },
      {
        name: `HTTP approvals at half peak (${rate}/s)`,
        counted: `latency ms over ${ctx.sizes.httpRateSeconds} s at ${rate} approvals/s (overallRate)`,
        median: median(rateRuns.map((r) => r.perSecond)),
        p50Ms: median(rateRuns.map((r) => r.p50Ms)),
        p99Ms: p99,
        errors: sum(rateRuns, 'errors'),
        target: 'p99 < 20 ms',
        met: p99 < 20 ? 'yes' : 'no',
      },
    ];
  } finally {
    await pool.end();
    await api.close();
    await database.drop();
  }
}

/** The users run: a warm-up, then up to 3 windows of `httpUserSeconds`; medians. */
async function usersRows(ctx, baseUrl, pool) {
  const tokens = await refundUsers(baseUrl);
  const options = { clients: USER_CLIENTS, seconds: ctx.sizes.httpUserSeconds };
  await usersWindow(baseUrl, tokens, pool, { ...options, seconds: Math.min(2, options.seconds) });
  const runs = [];
  for (let run = 0; run < Math.min(ctx.runs, 3); run += 1)
    runs.push(await usersWindow(baseUrl, tokens, pool, options));
  const instances = median(runs.map((r) => r.instancesPerSecond));
  const transitions = median(runs.map((r) => r.transitionsPerSecond));
  ctx.results.httpUsers = { instancesPerSecond: instances, transitionsPerSecond: transitions };
  const name = `HTTP, ${USER_CLIENTS} clients acting as users do`;
  const rows = [
    {
      name,
      counted: `completed refund instances/s (create → receipt upload → agent's inbox → complete → finance1's inbox → approve) over ${options.seconds} s`,
      median: instances,
      errors: sum(runs, 'failed'),
    },
    { name, counted: 'committed transitions/s (rows in transitions)', median: transitions },
  ];
  const ceiling = ctx.results.ceiling?.[USER_CLIENTS];
  if (ceiling) {
    const ratio = transitions / ceiling;
    rows.push({
      name: `HTTP users ÷ database ceiling, concurrency ${USER_CLIENTS}`,
      counted: 'committed transitions/s ÷ ceiling transitions/s',
      median: ratio,
      target: '≥ 0.50',
      met: ratio >= 0.5 ? 'yes' : 'no',
    });
  }
  return rows;
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
    requests: [
      { setupRequest: (request) => ({ ...request, path: `/api/tasks/${ids[next++ % ids.length]}/approve` }) },
    ],
    ...options,
  });
  const seconds = (performance.now() - started) / 1000;
  return {
    perSecond: result['2xx'] / seconds,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.non2xx + result.errors + result.timeouts,
  };
}
