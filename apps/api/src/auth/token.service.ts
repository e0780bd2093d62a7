import { Inject, Injectable } from '@nestjs/common';
import { SignJWT, jwtVerify } from 'jose';
import { APP_CONFIG } from '../config/app-config.token.js';
import type { AppConfig } from '../config/app-config.js';
import type { AuthUser } from './auth-user.js';
import { unauthenticated } from '../common/errors/domain-error.js';
import { JWT_SECRET } from './jwt-secret.js';

const ISSUER = 'ticketflow';

/** Signs and verifies access tokens (HS256 JWTs that expire). */
@Injectable()
export class TokenService {
  private readonly key: Uint8Array;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(JWT_SECRET) secret: string,
  ) {
    this.key = new TextEncoder().encode(secret);
  }

  async sign(user: AuthUser): Promise<string> {
    return new SignJWT({ username: user.username, name: user.displayName, roles: user.roles })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(user.id)
      .setIssuer(ISSUER)
      .setIssuedAt()
      .setExpirationTime(`${this.config.tokenTtlSeconds}s`)
      .sign(this.key);
  }

  async verify(token: string): Promise<AuthUser> {
    try {
      const { payload } = await jwtVerify(token, this.key, { issuer: ISSUER, algorithms: ['HS256'] });
      return {
        id: String(payload.sub),
        username: String(payload.username),
        displayName: String(payload.name),
        roles: Array.isArray(payload.roles) ? payload.roles.map(String) : [],
      };
    } catch {
      throw unauthenticated('The access token is invalid or has expired; sign in again.');
    }
  }
}
