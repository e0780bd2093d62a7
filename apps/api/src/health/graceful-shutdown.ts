import type { INestApplication } from '@nestjs/common';
import type { OperationsConfig } from '../config/operations-config.js';
import type { DatabaseConnection } from '../database/database-connection.js';
import type { AppLogger } from '../common/logging/app-logger.js';
import { Readiness } from './readiness.js';

/**
 * Stops the process in the order a load balancer needs: readiness answers 503
 * at once; after `shutdownDelayMs` (time for the balancer to notice) the
 * application closes — live streams end, workers finish their round, the HTTP
 * server stops accepting and waits for requests in flight — bounded by
 * `shutdownGraceMs`; then the database closes. Resolves with the exit code:
 * 0 when everything finished in time, 1 when the grace period ran out.
 * Side effects: closes the app and the database.
 */
export async function shutDownGracefully(
  app: INestApplication,
  db: DatabaseConnection,
  settings: Pick<OperationsConfig, 'shutdownDelayMs' | 'shutdownGraceMs'>,
  logger: AppLogger,
): Promise<number> {
  app.get(Readiness).startDraining();
  logger.info('draining: readiness answers 503', {
    delayMs: settings.shutdownDelayMs,
    graceMs: settings.shutdownGraceMs,
  });
  await sleep(settings.shutdownDelayMs);
  const started = Date.now();
  let timer: NodeJS.Timeout | undefined;
  const outOfTime = new Promise<'timeout'>((done) => {
    timer = setTimeout(() => done('timeout'), settings.shutdownGraceMs);
  });
  const outcome = await Promise.race([app.close().then(() => 'closed' as const), outOfTime]);
  clearTimeout(timer);
  if (outcome === 'timeout') {
    logger.warn('shutdown grace period ran out; exiting with work still in flight', {
      graceMs: settings.shutdownGraceMs,
    });
    await db.close().catch(() => undefined);
    return 1;
  }
  await db.close();
  logger.info('stopped', { drainedMs: Date.now() - started });
  return 0;
}

function sleep(ms: number): Promise<void> {
  return ms <= 0 ? Promise.resolve() : new Promise((done) => setTimeout(done, ms));
}
