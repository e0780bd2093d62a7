import { Answers } from '../common/openapi/answers.decorator.js';
import { HealthSchema, ReadinessSchema } from '@ticketflow/contract';
import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { DATABASE_KIND } from '../config/app-config.token.js';
import { countPendingMigrations, type DatabaseKind } from '../database/database-connection.js';
import { unavailable } from '../common/errors/domain-error.js';
import { Public } from '../auth/public.decorator.js';
import { Readiness } from './readiness.js';

/**
 * Liveness (`GET /api/health`: the process answers; restart it when it does
 * not) and readiness (`GET /api/health/ready`: send it traffic — the database
 * answers, every migration is applied, the process is not draining).
 */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(DATABASE_KIND) private readonly databaseKind: DatabaseKind,
    private readonly readiness: Readiness,
  ) {}

  @Public()
  @Get()
  @ApiOperation({
    summary: 'Liveness: the process is up (no database query, so a database outage does not restart it)',
  })
  @Answers(HealthSchema)
  health(): { status: 'ok'; database: DatabaseKind } {
    return { status: 'ok', database: this.databaseKind };
  }

  @Public()
  @Get('ready')
  @ApiOperation({ summary: 'Readiness: database reachable, migrations applied, not shutting down' })
  @ApiResponse({
    status: 503,
    description: '`not-ready` (draining, or migrations pending) or `database-unavailable`',
  })
  @Answers(ReadinessSchema)
  async ready(): Promise<{ status: 'ready'; database: DatabaseKind }> {
    if (this.readiness.draining) {
      throw unavailable('not-ready', 'This process is shutting down; send requests to another one.', {
        reason: 'draining',
      });
    }
    let pending: number;
    try {
      pending = await countPendingMigrations(this.dataSource);
    } catch (error) {
      throw unavailable('database-unavailable', `The database does not answer: ${(error as Error).message}`);
    }
    if (pending > 0) {
      throw unavailable(
        'not-ready',
        `${pending} database migration(s) of this version are not applied yet.`,
        { reason: 'migrations-pending', pending },
      );
    }
    return { status: 'ready', database: this.databaseKind };
  }
}
