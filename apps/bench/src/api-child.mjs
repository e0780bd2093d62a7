// The API in its own process for the HTTP, timer and scale benchmarks (see spawnApi in api-app.mjs).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apiDist } from './api-app.mjs';
import { freePort } from './postgres.mjs';

const dataDir = mkdtempSync(join(tmpdir(), 'tf-bench-child-'));
try {
  const [{ createApp }, { loadConfig }, { openDatabase }, { AppLogger }, { TimerScheduler }] = await Promise.all([
    apiDist('app.factory.js'), apiDist('config/app-config.js'), apiDist('database/database-connection.js'),
    apiDist('common/logging/app-logger.js'), apiDist('timers/timer-scheduler.js'),
  ]);
  const config = { ...loadConfig({ ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'error', DEMO_MODE: 'true', DATABASE_URL: process.env.BENCH_DATABASE_URL }) };
  const db = await openDatabase(config);
  const app = await createApp(config, db, new AppLogger('error'));
  const port = await freePort();
  await app.listen(port, '127.0.0.1');
  process.on('message', async (message) => {
    if (message.type === 'memory') {
      globalThis.gc?.();
      process.send({ id: message.id, value: { ...process.memoryUsage(), gc: typeof globalThis.gc === 'function' } });
    } else if (message.type === 'timer-stats') {
      process.send({ id: message.id, value: { ...app.get(TimerScheduler).stats } });
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
