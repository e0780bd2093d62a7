import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { AppModule } from './app.module.js';
import type { AppConfig } from './config/app-config.js';
import type { DatabaseConnection } from './database/database-connection.js';
import { describeContract } from './common/openapi/describe-contract.js';
import { DomainExceptionFilter } from './common/errors/domain-exception.filter.js';
import { bodyShapeGuard } from './common/http/body-shape-guard.js';
import { createValidationPipe } from './common/http/validation.pipe.js';
import { AppLogger } from './common/logging/app-logger.js';
import { httpLogger } from './common/logging/http-logger.js';
import { bindRequestId } from './common/logging/request-id.js';
import { captureIntakeBody } from './intake/intake-raw-body.js';
import { httpMetrics } from './metrics/http-metrics.js';
import { MetricsRegistry } from './metrics/metrics-registry.js';

/** Largest request body: a 2 MB definition plus its envelope. Larger bodies get 413. */
const BODY_LIMIT = '3mb';

/**
 * Builds the Nest application on an open database: API under /api, OpenAPI at
 * /api/docs, the built web app at / when present. Does not listen.
 */
export async function createApp(
  config: AppConfig,
  db: DatabaseConnection,
  logger = new AppLogger(config.logLevel),
): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(config, db), {
    logger,
    bodyParser: false,
    // Signed inbound events (Standard Webhooks) are checked against the exact bytes received.
    rawBody: true,
  });
  // First: the request id and the access log line cover everything after, errors included.
  app.use(httpLogger(logger.pino));
  app.use(httpMetrics(app.get(MetricsRegistry).httpDuration));
  // Behind a reverse proxy, TRUST_PROXY says which hops may set X-Forwarded-For, so request.ip is the
  // client's address for throttling and audit rows rather than the proxy's.
  app.set('trust proxy', config.trustProxy);
  // Intake webhooks read their own body (signature over the exact bytes; bad payloads are kept, not dropped).
  app.use('/api/intake', captureIntakeBody(3 * 1024 * 1024));
  app.useBodyParser('json', { limit: BODY_LIMIT });
  app.use(bindRequestId());
  app.use(bodyShapeGuard());
  app.use(
    helmet({
      contentSecurityPolicy: { directives: { 'script-src': ["'self'"], 'img-src': ["'self'", 'data:'] } },
    }),
  );
  // Prometheus looks for /metrics at the root.
  app.setGlobalPrefix('api', { exclude: ['metrics'] });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new DomainExceptionFilter(logger));
  const document = describeContract(
    SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle('Ticketflow API')
        .setDescription(
          'Every answer is described here, errors included: the schemas come from @ticketflow/contract and the API tests check each answer against them.',
        )
        .setVersion('1')
        .setOpenAPIVersion('3.1.0')
        .addBearerAuth({
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'POST /api/auth/login',
        })
        .build(),
    ),
  );
  SwaggerModule.setup('api/docs', app, document);
  serveWebApp(app, config.webDist);
  return app;
}

function serveWebApp(app: NestExpressApplication, webDist: string): void {
  const index = join(webDist, 'index.html');
  if (!existsSync(index)) return;
  app.useStaticAssets(webDist, { index: false, maxAge: '1h' });
  // Client-side routes (/designer/refund-approval) get the app's index page.
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (request.method !== 'GET' || request.path.startsWith('/api') || request.path === '/metrics')
      return next();
    response.sendFile(index);
  });
}
