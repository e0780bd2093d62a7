import { benchPool, freshDatabase, refundAtFinance, spawnApi } from '../api-app.mjs';
import { cloneTicket } from '../clone-instances.mjs';
import { median } from '../stats.mjs';

const POLL_MS = 100;

/**
 * Timers: refund tickets waiting at finance approval each hold a 48 h timeout
 * timer (one real ticket copied by SQL). `UPDATE timers SET due_at = now()`
 * makes them all due at once; the API's timer workers (WORKER_POLL_MS=100)
 * fire them — each a transaction that moves the ticket to manager approval.
 * Counted: fires/s (timers ÷ (last fired_at − due_at)) and lag p50 / p99
 * (fired_at − due_at; fired_at is the firing transaction's start), with one
 * API process and with two. Then the paced variant: due times spread at a
 * fixed rate per second. Last, the takeover after a crash (see `takeover`).
 */
export async function timersSuite(ctx) {
  const { timerBurst, timerPacedPerSecond, timerPacedSeconds } = ctx.sizes;
  const database = await freshDatabase(ctx.postgres.url, 'timers');
  const processes = [await spawnApi(database.url, { workers: true, pollMs: POLL_MS })];
  const pool = benchPool(database.url);
  const rows = [];
  try {
    const source = await refundAtFinance(processes[0].baseUrl, pool);
    for (const count of [1, 2]) {
      if (processes.length < count)
        processes.push(await spawnApi(database.url, { workers: true, pollMs: POLL_MS }));
      const runs = [];
      await fireBatch(pool, source, Math.ceil(timerBurst / 5), null); // warm-up
      for (let run = 0; run < Math.min(ctx.runs, 2); run += 1)
        runs.push(await fireBatch(pool, source, timerBurst, null));
      const lagP99 = median(runs.map((r) => r.lagP99Ms));
      const rate = median(runs.map((r) => r.perSecond));
      rows.push({
        name: `${timerBurst.toLocaleString('en-US')} timers due at once, ${count} process${count > 1 ? 'es' : ''}`,
        counted: 'timers fired/s; lag ms (fired_at − due_at)',
        median: rate,
        p50Ms: median(runs.map((r) => r.lagP50Ms)),
        p99Ms: lagP99,
        target: '≥ 2,500 fires/s',
        met: rate >= 2500 ? 'yes' : 'no',
      });
      const paced = await fireBatch(
        pool,
        source,
        timerPacedPerSecond * timerPacedSeconds,
        timerPacedPerSecond,
      );
      rows.push({
        name: `${timerPacedPerSecond.toLocaleString('en-US')} due per second for ${timerPacedSeconds} s, ${count} process${count > 1 ? 'es' : ''}`,
        counted: 'timers fired/s; lag ms (fired_at − due_at)',
        median: paced.perSecond,
        p50Ms: paced.lagP50Ms,
        p99Ms: paced.lagP99Ms,
        target: 'lag p99 < 1,000 ms',
        met: paced.lagP99Ms < 1000 ? 'yes' : 'no',
      });
    }
    const stats = await Promise.all(processes.map((api) => api.timerStats()));
    rows.push({
      name: 'timer outcomes',
      counted: `per process: ${stats.map((s) => (s ? `fired ${s.fired}, skipped ${s.skipped}, failed ${s.failed}` : 'no counters')).join('; ')}`,
    });
    const killed = await takeover(pool, source, ctx.sizes.takeoverTimers, processes[0]);
    rows.push({
      name: `takeover: ${ctx.sizes.takeoverTimers} due at once, process A SIGKILLed mid-batch, B running`,
      counted: `max ms due → fired over the batch (A had fired ${killed.firedByVictim}; ${killed.unfiredAtKill} unfired at the kill; last fired ${Math.round(killed.lastAfterKillMs)} ms after it)`,
      median: killed.maxDelayMs,
      target: '≤ 10,000 ms',
      met: killed.maxDelayMs <= 10_000 ? 'yes' : 'no',
    });
    return rows;
  } finally {
    await pool.end();
    for (const api of processes) await api.close();
    await database.drop();
  }
}

/** Copies the source `count` times, makes the copies' timers due (all now, or `perSecond` apart), waits until all fired. */
async function fireBatch(pool, source, count, perSecond) {
  await dueBatch(pool, source, count, perSecond);
  await untilAllFired(pool, 300_000);
  const {
    rows: [stats],
  } = await pool.query(
    `SELECT count(*) FILTER (WHERE t.status = 'fired')::int AS fired,
            extract(epoch FROM max(t.fired_at) - min(t.due_at)) AS seconds,
            percentile_disc(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM t.fired_at - t.due_at)) * 1000 AS p50,
            percentile_disc(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM t.fired_at - t.due_at)) * 1000 AS p99
       FROM timers t JOIN bench_batch b ON b.id = t.id`,
  );
  if (stats.fired !== count) throw new Error(`${count - stats.fired} of ${count} timers did not fire`);
  return {
    perSecond: count / Number(stats.seconds),
    lagP50Ms: Number(stats.p50),
    lagP99Ms: Number(stats.p99),
  };
}

/**
 * Takeover after a crash: with both processes running, `count` timers fall
 * due at once; as soon as process A has fired one (so it holds a claimed
 * batch it is working through) it is SIGKILLed. B must fire what A had
 * claimed once A's claim lapses. Counted: timers still unfired at the kill,
 * and the longest due → fired delay of the batch (A's stranded timers are
 * the ones that wait). A stays dead afterwards.
 */
async function takeover(pool, source, count, victim) {
  // A's own counter tells when it is working through a claimed batch; without one, the first fire of the batch anywhere.
  const firedSoFar = async () =>
    (await victim.timerStats())?.fired ??
    (
      await pool.query(
        `SELECT count(*)::int AS n FROM timers t JOIN bench_batch b ON b.id = t.id WHERE t.status = 'fired'`,
      )
    ).rows[0].n;
  const firedEarlier = (await victim.timerStats())?.fired ?? 0;
  await dueBatch(pool, source, count, null);
  const deadline = Date.now() + 60_000;
  let firedByVictim = 0;
  while (firedByVictim === 0) {
    if (Date.now() > deadline) throw new Error('process A fired no timer of the batch within 60 s');
    await new Promise((resolve) => setTimeout(resolve, 5));
    firedByVictim = (await firedSoFar()) - firedEarlier;
  }
  await victim.kill();
  const {
    rows: [atKill],
  } = await pool.query(
    `SELECT count(*) FILTER (WHERE t.status = 'scheduled')::int AS unfired, now() AS killed_at FROM timers t JOIN bench_batch b ON b.id = t.id`,
  );
  await untilAllFired(pool, 300_000);
  const {
    rows: [stats],
  } = await pool.query(
    `SELECT count(*) FILTER (WHERE t.status = 'fired')::int AS fired,
            extract(epoch FROM max(t.fired_at - t.due_at)) * 1000 AS max_ms,
            extract(epoch FROM max(t.fired_at) - $1::timestamptz) * 1000 AS after_kill_ms
       FROM timers t JOIN bench_batch b ON b.id = t.id`,
    [atKill.killed_at],
  );
  if (stats.fired !== count)
    throw new Error(`${count - stats.fired} of ${count} timers did not fire after the kill`);
  return {
    unfiredAtKill: atKill.unfired,
    firedByVictim,
    maxDelayMs: Number(stats.max_ms),
    lastAfterKillMs: Number(stats.after_kill_ms),
  };
}

async function dueBatch(pool, source, count, perSecond) {
  await cloneTicket(pool, source, count);
  const sourceInstance = (await pool.query('SELECT id FROM instances WHERE ticket_id = $1', [source])).rows[0]
    .id;
  await pool.query(`CREATE TABLE IF NOT EXISTS bench_batch (id uuid PRIMARY KEY)`);
  await pool.query('TRUNCATE bench_batch');
  await pool.query(
    `INSERT INTO bench_batch SELECT id FROM timers WHERE status = 'scheduled' AND instance_id <> $1`,
    [sourceInstance],
  );
  await pool.query(
    `UPDATE timers t SET due_at = now() + coalesce((b.n - 1) / $1::float8, 0) * interval '1 second'
       FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM bench_batch) b WHERE t.id = b.id`,
    [perSecond],
  );
}

async function untilAllFired(pool, ms) {
  const deadline = Date.now() + ms;
  for (;;) {
    const {
      rows: [{ left }],
    } = await pool.query(
      `SELECT count(*)::int AS left FROM timers t JOIN bench_batch b ON b.id = t.id WHERE t.status = 'scheduled'`,
    );
    if (left === 0) return;
    if (Date.now() > deadline) throw new Error(`${left} timers still scheduled after ${ms / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
