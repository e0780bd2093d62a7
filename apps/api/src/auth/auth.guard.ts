import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { forbidden } from '../common/errors/domain-error.js';
import type { AuthUser } from './auth-user.js';
import { hasAnyRole } from './auth-user.js';
import { IS_PUBLIC } from './public.decorator.js';
import { REQUIRED_ROLES } from './roles.decorator.js';
import { BearerAuthenticator } from './bearer-authenticator.js';

/**
 * Global guard: every route needs a valid bearer token unless marked @Public,
 * and one of the @Roles when it names any. Object-level checks (may this user
 * act on this task?) belong to the services.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly bearer: BearerAuthenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<Request & { user?: AuthUser }>();
    const user = await this.bearer.authenticate(request);
    request.user = user;
    const roles = this.reflector.getAllAndOverride<string[] | undefined>(REQUIRED_ROLES, targets);
    if (roles && roles.length > 0 && !hasAnyRole(user, roles)) {
      throw forbidden('role-required', `This needs one of the roles: ${roles.join(', ')}.`);
    }
    return true;
  }
}
