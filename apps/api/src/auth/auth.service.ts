import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { unauthenticated } from '../common/errors/domain-error.js';
import { UserEntity } from '../users/user.entity.js';
import type { AuthUser } from './auth-user.js';
import { LoginThrottle } from './login-throttle.js';
import { verifyPassword } from './password-hasher.js';
import { TokenService } from './token.service.js';

// Compared against when the user does not exist, so both paths cost one scrypt.
const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

@Injectable()
export class AuthService {
  private readonly throttle = new LoginThrottle();

  constructor(
    private readonly dataSource: DataSource,
    private readonly tokens: TokenService,
  ) {}

  /** Checks the credentials and returns a signed token. Throws 401 or 429. */
  async login(username: string, password: string, address: string): Promise<{ accessToken: string; user: AuthUser }> {
    this.throttle.check(username, address);
    const row = await this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('lower(u.username) = lower(:username) AND u.active', { username })
      .getOne();
    const ok = await verifyPassword(password, row?.passwordHash ?? DUMMY_HASH);
    if (!row || !ok) {
      this.throttle.recordFailure(username, address);
      throw unauthenticated('Wrong username or password.');
    }
    this.throttle.recordSuccess(username);
    const user: AuthUser = { id: row.id, username: row.username, displayName: row.displayName, roles: row.roles };
    return { accessToken: await this.tokens.sign(user), user };
  }
}
