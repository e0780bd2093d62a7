import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { unauthenticated } from '../common/errors/domain-error.js';
import type { AuthUser } from './auth-user.js';
import { SessionStore } from './session-store.js';
import { TokenService } from './token.service.js';

/** Reads `Authorization: Bearer …`, verifies the token and resolves the user as they are now. */
@Injectable()
export class BearerAuthenticator {
  constructor(
    private readonly tokens: TokenService,
    private readonly sessions: SessionStore,
  ) {}

  /** Side effects: one read. Throws 401 without a valid, current token. */
  async authenticate(request: Request, missingMessage?: string): Promise<AuthUser> {
    const header = request.headers.authorization;
    if (!header?.startsWith('Bearer ')) throw unauthenticated(missingMessage);
    return this.sessions.resolve(await this.tokens.verify(header.slice('Bearer '.length).trim()));
  }
}
