import 'reflect-metadata';
import { ConfigError, loadConfig } from './config/app-config.js';
import { openDatabase } from './database/database-connection.js';
import { AppLogger } from './common/logging/app-logger.js';
import { createApp } from './app.factory.js';
import { shutDownGracefully } from './health/graceful-shutdown.js';
import { MetricsCollector } from './metrics/metrics-collector.js';
import { startMetricsServer } from './metrics/metrics-server.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Configuration error: ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const logger = new AppLogger(config.logLevel);
  const db = await openDatabase(config);
  logger.info('database ready', {
    database: db.kind,
    dataDir: db.kind === 'embedded' ? config.dataDir : undefined,
  });
  const app = await createApp(config, db, logger);
  const { metricsPort, metricsToken } = config.operations;
  const metricsServer =
    metricsPort === undefined
      ? undefined
      : await startMetricsServer(app.get(MetricsCollector), {
          port: metricsPort,
          host: config.host,
          token: metricsToken,
        });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('stopping', { signal });
    metricsServer?.close();
    process.exit(await shutDownGracefully(app, db, config.operations, logger));
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  await app.listen(config.port, config.host);
  logger.info(`Ticketflow is listening on http://localhost:${config.port}`, {
    port: config.port,
    metricsPort,
    database: db.kind,
    demoMode: config.demoMode,
  });
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Ticketflow failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
