import { type DynamicModule, Global, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AUDIT_KEY, resolveAuditKey } from '../audit/audit-key.js';
import { JWT_SECRET, resolveJwtSecret } from '../auth/jwt-secret.js';
import type { DatabaseConnection } from '../database/database-connection.js';
import type { AppConfig } from './app-config.js';
import { APP_CONFIG, DATABASE_KIND } from './app-config.token.js';

/**
 * What every feature may inject without importing anything: the validated configuration, the
 * open database (opened before Nest starts) and the keys derived from the configuration.
 * Global, and the only global module.
 */
@Global()
@Module({})
export class ConfigModule {
  static register(config: AppConfig, db: DatabaseConnection): DynamicModule {
    return {
      module: ConfigModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: DATABASE_KIND, useValue: db.kind },
        { provide: DataSource, useValue: db.dataSource },
        { provide: JWT_SECRET, useFactory: () => resolveJwtSecret(config) },
        {
          provide: AUDIT_KEY,
          useFactory: (secret: string) => resolveAuditKey(config.auditKey, secret),
          inject: [JWT_SECRET],
        },
      ],
      exports: [APP_CONFIG, DATABASE_KIND, DataSource, JWT_SECRET, AUDIT_KEY],
    };
  }
}
