import {
  benchPool,
  freshDatabase,
  login,
  openTaskId,
  postJson,
  refundAtFinance,
  spawnApi,
} from '../api-app.mjs';
import { cloneTicket } from '../clone-instances.mjs';
import { median } from '../stats.mjs';

const MB = 1024 * 1024;

/**
 * Scale: open refund instances waiting at finance approval — a few real ones
 * through the API, then copies by SQL up to the configured number (100,000 by
 * default) — with the API in its own process. Counted: the API process's RSS
 * and heapUsed after a forced GC (--expose-gc) before the copies and after
 * them plus the approvals; ms for one approval among them (median of several,
 * each on a different random instance) and for finance1's inbox (GET /api/tasks).
 */
export async function scaleSuite(ctx) {
  const total = ctx.sizes.scaleInstances;
  const database = await freshDatabase(ctx.postgres.url, 'scale');
  const api = await spawnApi(database.url);
  const pool = benchPool(database.url);
  try {
    const real = [];
    for (let i = 0; i < 3; i += 1) real.push(await refundAtFinance(api.baseUrl, pool));
    const before = await api.memory();
    const started = performance.now();
    await cloneTicket(pool, real[0], total - real.length);
    const cloneSeconds = (performance.now() - started) / 1000;
    await pool.query('VACUUM ANALYZE');
    const {
      rows: [{ open }],
    } = await pool.query(`SELECT count(*)::int AS open FROM instances WHERE status = 'active'`);
    const token = await login(api.baseUrl, 'finance1');
    const tickets = (
      await pool.query(
        `SELECT ticket_id FROM tasks WHERE status = 'open' AND kind = 'approval' ORDER BY random() LIMIT $1`,
        [ctx.sizes.scaleApprovals + 1],
      )
    ).rows.map((row) => row.ticket_id);
    const approvals = [];
    for (const [index, ticketId] of tickets.entries()) {
      const taskId = await openTaskId(pool, ticketId);
      const t0 = performance.now();
      await postJson(api.baseUrl, `/api/tasks/${taskId}/approve`, token);
      if (index > 0) approvals.push(performance.now() - t0); // the first warms up
    }
    const inbox = [];
    for (let i = 0; i < 4; i += 1) {
      const t0 = performance.now();
      const response = await fetch(`${api.baseUrl}/api/tasks`, {
        headers: { authorization: `Bearer ${token}` },
      });
      await response.arrayBuffer();
      if (i > 0) inbox.push(performance.now() - t0);
    }
    const after = await api.memory();
    const gc = after.gc ? 'after a forced GC' : 'no --expose-gc: without a forced GC';
    return [
      {
        name: 'open instances',
        counted: `${open.toLocaleString('en-US')} active instances waiting at approval (${real.length} real + copies; copying took ${cloneSeconds.toFixed(1)} s)`,
        median: open,
      },
      {
        name: 'API memory before',
        counted: `MB RSS and heapUsed, ${gc}, ${real.length} instances`,
        rssMb: before.rss / MB,
        heapMb: before.heapUsed / MB,
      },
      {
        name: 'API memory after',
        counted: `MB, ${gc}, ${open.toLocaleString('en-US')} instances, after ${approvals.length + 1} approvals and 4 inbox reads`,
        rssMb: after.rss / MB,
        heapMb: after.heapUsed / MB,
      },
      {
        name: 'one approval among them',
        counted: `ms per POST /api/tasks/:id/approve (median of ${approvals.length}, random instances)`,
        median: median(approvals),
        p99Ms: Math.max(...approvals),
      },
      {
        name: "finance1's inbox among them",
        counted: 'ms per GET /api/tasks (first 500 of the open approvals, median of 3)',
        median: median(inbox),
      },
    ];
  } finally {
    await pool.end();
    await api.close();
    await database.drop();
  }
}
