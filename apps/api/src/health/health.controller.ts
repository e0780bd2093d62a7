import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { DATABASE_KIND } from '../config/app-config.token.js';
import type { DatabaseKind } from '../database/database-connection.js';
import { DomainError } from '../common/errors/domain-error.js';
import { Public } from '../auth/public.decorator.js';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(DATABASE_KIND) private readonly databaseKind: DatabaseKind,
  ) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'Liveness and database reachability' })
  async health(): Promise<{ status: 'ok'; database: DatabaseKind }> {
    try {
      await this.dataSource.query('SELECT 1');
    } catch (error) {
      throw new DomainError('operational', 'database-unavailable', `The database does not answer: ${(error as Error).message}`);
    }
    return { status: 'ok', database: this.databaseKind };
  }
}
