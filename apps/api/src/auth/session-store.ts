import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError } from '../common/errors/domain-error.js';
import type { AuthUser } from './auth-user.js';
import type { VerifiedToken } from './token.service.js';

interface SessionRow {
  id: string;
  username: string;
  display_name: string;
  roles: string[];
  active: boolean;
  token_version: number;
}

/**
 * Turns a verified token into the user as the database knows them now: a
 * deactivated user, a user whose sessions were signed out (token version
 * bumped) or whose password changed is refused at the next request, and roles
 * come from the `users` row, never from the token. Not cached, so every process
 * agrees at once; the cost is one primary-key read per request.
 */
@Injectable()
export class SessionStore {
  constructor(private readonly dataSource: DataSource) {}

  /** Side effects: one read. Throws 401 `session-revoked` when the token no longer stands. */
  async resolve(token: VerifiedToken): Promise<AuthUser> {
    const [row] = (await this.dataSource.query(
      'SELECT id, username, display_name, roles, active, token_version FROM users WHERE id = $1',
      [token.userId],
    )) as SessionRow[];
    if (!row || !row.active || row.token_version !== token.version) {
      throw new DomainError(
        401,
        'session-revoked',
        'This session was signed out or the account was deactivated; sign in again.',
      );
    }
    return { id: row.id, username: row.username, displayName: row.display_name, roles: row.roles };
  }
}
