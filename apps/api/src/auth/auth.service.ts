import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { unauthenticated } from '../common/errors/domain-error.js';
import type { AuthUser } from './auth-user.js';
import { LoginThrottle } from './login-throttle.js';
import { hashPassword, needsRehash, verifyPassword } from './password-hasher.js';
import { TokenService } from './token.service.js';

// Compared against when the user does not exist, so both paths cost one scrypt at today's parameters.
const DUMMY_HASH = 'scrypt$131072$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

interface LoginRow {
  id: string;
  username: string;
  display_name: string;
  roles: string[];
  password_hash: string;
  token_version: number;
}

@Injectable()
export class AuthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tokens: TokenService,
    private readonly throttle: LoginThrottle,
    private readonly audit: AuditService,
  ) {}

  /**
   * Checks the credentials and returns a signed token. Throws 401, or 429
   * while the account or address has to wait after failures. Side effects:
   * throttle counters, an audit row (success or failure), and a re-hash of a
   * password stored with weaker scrypt parameters.
   */
  async login(
    username: string,
    password: string,
    address: string,
  ): Promise<{ accessToken: string; user: AuthUser }> {
    await this.throttle.check(username, address);
    const [row] = (await this.dataSource.query(
      'SELECT id, username, display_name, roles, password_hash, token_version FROM users WHERE lower(username) = lower($1) AND active',
      [username],
    )) as LoginRow[];
    const ok = await verifyPassword(password, row?.password_hash ?? DUMMY_HASH);
    if (!row || !ok) {
      await this.throttle.recordFailure(username, address);
      await this.record(row?.id ?? null, 'auth.login-failed', row?.id ?? username.slice(0, 100), {
        username: username.slice(0, 100),
        address,
      });
      throw unauthenticated('Wrong username or password.');
    }
    await this.throttle.recordSuccess(username, address);
    if (needsRehash(row.password_hash)) {
      await this.dataSource.query(
        'UPDATE users SET password_hash = $2 WHERE id = $1 AND password_hash = $3',
        [row.id, await hashPassword(password), row.password_hash],
      );
    }
    await this.record(row.id, 'auth.login', row.id, { address });
    const user: AuthUser = {
      id: row.id,
      username: row.username,
      displayName: row.display_name,
      roles: row.roles,
    };
    return { accessToken: await this.tokens.sign({ id: row.id, tokenVersion: row.token_version }), user };
  }

  private record(
    actorId: string | null,
    action: string,
    objectId: string,
    details: Record<string, unknown>,
  ): Promise<void> {
    return this.dataSource.transaction((manager) =>
      this.audit.append(manager, { actorId, action, objectType: 'user', objectId, details }),
    );
  }
}
