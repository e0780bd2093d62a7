import { Inject, Injectable } from '@nestjs/common';
import { SignJWT, jwtVerify } from 'jose';
import { APP_CONFIG } from '../config/app-config.token.js';
import type { AppConfig } from '../config/app-config.js';
import { unauthenticated } from '../common/errors/domain-error.js';
import { JWT_SECRET } from './jwt-secret.js';

const ISSUER = 'ticketflow';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What a token proves: who signed in, and which of their token versions it belongs to. */
export interface VerifiedToken {
  userId: string;
  version: number;
}

/**
 * Signs and verifies access tokens: HS256 JWTs that must carry `exp`, with the
 * user id and their token version (`ver`). Roles are deliberately not in the
 * token: the session store reads them from the database on every request.
 */
@Injectable()
export class TokenService {
  private readonly key: Uint8Array;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(JWT_SECRET) secret: string,
  ) {
    this.key = new TextEncoder().encode(secret);
  }

  async sign(user: { id: string; tokenVersion: number }): Promise<string> {
    return new SignJWT({ ver: user.tokenVersion })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(user.id)
      .setIssuer(ISSUER)
      .setIssuedAt()
      .setExpirationTime(`${this.config.tokenTtlSeconds}s`)
      .sign(this.key);
  }

  /** Checks signature, issuer and expiry; a token without `exp`, `sub` or `ver` is refused. Pure apart from the clock. */
  async verify(token: string): Promise<VerifiedToken> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        issuer: ISSUER,
        algorithms: ['HS256'],
        requiredClaims: ['exp', 'sub', 'iat'],
      });
      if (
        typeof payload.sub !== 'string' ||
        !UUID.test(payload.sub) ||
        typeof payload.ver !== 'number' ||
        !Number.isInteger(payload.ver)
      )
        throw new Error('claims');
      return { userId: payload.sub, version: payload.ver };
    } catch {
      throw unauthenticated('The access token is invalid or has expired; sign in again.');
    }
  }
}
