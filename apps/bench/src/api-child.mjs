// The API in its own process for the HTTP, timer and scale benchmarks (see spawnApi in api-app.mjs).
import { rmSync } from 'node:fs';
import { loadApi } from './api-app.mjs';
import { freePort } from './postgres.mjs';

// Made by the parent (spawnApi), which also removes it when this process is killed.
const dataDir = process.env.BENCH_DATA_DIR;
try {
  const { createApp, loadConfig, openDatabase, AppLogger } = await loadApi();
  const config = {
    ...loadConfig({
      ...process.env,
      DATA_DIR: dataDir,
      LOG_LEVEL: 'error',
      DEMO_MODE: 'true',
      DATABASE_URL: process.env.BENCH_DATABASE_URL,
    }),
  };
  const db = await openDatabase(config);
  const app = await createApp(config, db, new AppLogger('error'));
  const port = await freePort();
  await app.listen(port, '127.0.0.1');
  process.on('message', async (message) => {
    if (message.type === 'memory') {
      globalThis.gc?.();
      process.send({
        id: message.id,
        value: { ...process.memoryUsage(), gc: typeof globalThis.gc === 'function' },
      });
    } else if (message.type === 'timer-stats') {
      process.send({ id: message.id, value: await timerStats(app) });
    } else if (message.type === 'close') {
      await app.close();
      await db.close();
      rmSync(dataDir, { recursive: true, force: true });
      process.exit(0);
    }
  });
  process.send({ type: 'ready', port });
} catch (error) {
  rmSync(dataDir, { recursive: true, force: true });
  process.send?.({ type: 'failed', error: String(error?.stack ?? error) });
  process.exit(1);
}

/** The timer scheduler's counters ({ fired, skipped, failed, … }), or null when this build has no such class or counters. */
async function timerStats(app) {
  try {
    // Builds older than the public entry point have no TimerScheduler export (BENCH_API_DIST).
    const { TimerScheduler } = await loadApi();
    if (!TimerScheduler) return null;
    const stats = app.get(TimerScheduler).stats;
    return stats ? { ...stats } : null;
  } catch {
    return null;
  }
}
