import { Answers } from '../common/openapi/answers.decorator.js';
import { timingSafeEqual } from 'node:crypto';
import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { hasAnyRole } from '../auth/auth-user.js';
import { Public } from '../auth/public.decorator.js';
import { BearerAuthenticator } from '../auth/bearer-authenticator.js';
import { forbidden, unauthenticated } from '../common/errors/domain-error.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/app-config.token.js';
import { MetricsCollector } from './metrics-collector.js';

/**
 * `GET /metrics` (outside `/api`, where Prometheus looks by default) in the
 * Prometheus text format. Readable with the `METRICS_TOKEN` as a bearer token
 * (what Prometheus is configured with) or an admin's own access token.
 */
@ApiTags('operations')
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly collector: MetricsCollector,
    private readonly bearer: BearerAuthenticator,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  // Public to the global guard: this route accepts a token that is not a user's.
  @Public()
  @Get()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Prometheus metrics (bearer: METRICS_TOKEN or an admin token)' })
  @Answers({ type: 'string' }, { mediaType: 'text/plain', description: 'Prometheus text format 0.0.4' })
  async metrics(@Req() request: Request, @Res() response: Response): Promise<void> {
    await this.authorize(request);
    const body = await this.collector.render();
    response.setHeader('Content-Type', this.collector.contentType);
    response.setHeader('Cache-Control', 'no-store');
    response.status(200).send(body);
  }

  private async authorize(request: Request): Promise<void> {
    const header = request.headers.authorization;
    if (!header?.startsWith('Bearer ')) throw unauthenticated();
    const expected = this.config.operations.metricsToken;
    if (expected !== undefined && sameSecret(header.slice('Bearer '.length).trim(), expected)) return;
    // A user's token: checked like every route (revoked sessions and current roles, issue 17).
    const user = await this.bearer.authenticate(request);
    if (!hasAnyRole(user, ['admin']))
      throw forbidden('role-required', 'Metrics need the admin role or the METRICS_TOKEN.');
  }
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
