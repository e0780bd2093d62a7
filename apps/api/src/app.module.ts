import { type DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { DataSource } from 'typeorm';
import type { AppConfig } from './config/app-config.js';
import { APP_CONFIG, DATABASE_KIND } from './config/app-config.token.js';
import type { DatabaseConnection } from './database/database-connection.js';
import { AuthGuard } from './auth/auth.guard.js';
import { AuthController } from './auth/auth.controller.js';
import { AuthService } from './auth/auth.service.js';
import { JWT_SECRET, resolveJwtSecret } from './auth/jwt-secret.js';
import { AUDIT_KEY, resolveAuditKey } from './audit/audit-key.js';
import { TokenService } from './auth/token.service.js';
import { BearerAuthenticator } from './auth/bearer-authenticator.js';
import { LoginThrottle } from './auth/login-throttle.js';
import { SessionStore } from './auth/session-store.js';
import { TextGuard } from './common/http/text-guard.js';
import { HealthController } from './health/health.controller.js';
import { Readiness } from './health/readiness.js';
import { FEATURE_CONTROLLERS, FEATURE_PROVIDERS } from './features.js';

/** The application: wiring only. Config and the database are opened before Nest starts. */
@Module({})
export class AppModule {
  static register(config: AppConfig, db: DatabaseConnection): DynamicModule {
    return {
      module: AppModule,
      controllers: [HealthController, AuthController, ...FEATURE_CONTROLLERS],
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
        Readiness,
        TokenService,
        SessionStore,
        BearerAuthenticator,
        LoginThrottle,
        AuthService,
        // Text first: a NUL or lone surrogate is a 400 naming the field on every route, before anything reads it.
        { provide: APP_GUARD, useClass: TextGuard },
        { provide: APP_GUARD, useClass: AuthGuard },
        ...FEATURE_PROVIDERS,
      ],
    };
  }
}
