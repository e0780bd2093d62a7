import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { AuthController } from './auth.controller.js';
import { TokenService } from './token.service.js';
import { SessionStore } from './session-store.js';
import { BearerAuthenticator } from './bearer-authenticator.js';
import { LoginThrottle } from './login-throttle.js';
import { AuthService } from './auth.service.js';

/** The auth feature: what it serves, provides and needs (apps/api/README.md, "Modules"). */
@Module({
  imports: [AuditModule],
  controllers: [AuthController],
  providers: [TokenService, SessionStore, BearerAuthenticator, LoginThrottle, AuthService],
  exports: [TokenService, SessionStore, BearerAuthenticator, LoginThrottle, AuthService],
})
export class AuthModule {}
