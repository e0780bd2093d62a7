import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { invalid, notFound, unprocessable } from '../common/errors/domain-error.js';

export interface UserAdminView {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
  active: boolean;
  email: string | null;
}

const COLUMNS = `id, username, display_name AS "displayName", roles, active, email`;

/**
 * Admin user management: roles, deactivation and signing out every session.
 * Each change bumps nothing but what it must — roles are read from the
 * database per request, so a role change needs no token change; deactivation
 * and "sign out everywhere" bump `token_version`, which voids every token
 * issued before. Every change is audited.
 */
@Injectable()
export class UsersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  list(): Promise<UserAdminView[]> {
    return this.dataSource.query(`SELECT ${COLUMNS} FROM users ORDER BY username`);
  }

  /** Replaces a user's roles (each must exist). Side effects: the row and an audit row. */
  setRoles(admin: AuthUser, id: string, roles: string[]): Promise<UserAdminView> {
    const wanted = [...new Set(roles)].sort();
    return this.dataSource.transaction(async (manager) => {
      const known = (await manager.query('SELECT name FROM roles WHERE name = ANY($1)', [wanted])) as {
        name: string;
      }[];
      const unknown = wanted.filter((role) => !known.some((row) => row.name === role));
      if (unknown.length > 0)
        throw invalid(
          'unknown-role',
          `roles: ${unknown.join(', ')} ${unknown.length === 1 ? 'is not a role' : 'are not roles'}; see GET /api/directory.`,
          [{ field: 'roles', problems: [`unknown: ${unknown.join(', ')}`] }],
        );
      const before = await this.lock(manager, id);
      if (before.id === admin.id && before.roles.includes('admin') && !wanted.includes('admin')) {
        throw unprocessable(
          'cannot-drop-own-admin',
          'You cannot remove your own admin role; ask another admin.',
        );
      }
      const [rows] = (await manager.query(`UPDATE users SET roles = $2 WHERE id = $1 RETURNING ${COLUMNS}`, [
        id,
        wanted,
      ])) as [UserAdminView[], number];
      await this.audit.append(manager, {
        actorId: admin.id,
        action: 'user.roles-change',
        objectType: 'user',
        objectId: id,
        details: { from: before.roles, to: wanted },
      });
      return rows[0] as UserAdminView;
    });
  }

  /**
   * Sets (trimmed, domain lower-cased) or removes a user's e-mail address; the
   * DTO has checked its form. Side effects: the row and an audit row.
   */
  setEmail(admin: AuthUser, id: string, email: string | null): Promise<UserAdminView> {
    const address = email === null ? null : normaliseEmail(email);
    return this.dataSource.transaction(async (manager) => {
      const before = await this.lock(manager, id);
      const [rows] = (await manager.query(`UPDATE users SET email = $2 WHERE id = $1 RETURNING ${COLUMNS}`, [
        id,
        address,
      ])) as [UserAdminView[], number];
      await this.audit.append(manager, {
        actorId: admin.id,
        action: 'user.email-change',
        objectType: 'user',
        objectId: id,
        details: { from: before.email, to: address },
      });
      return rows[0] as UserAdminView;
    });
  }

  /** Deactivates (signs out everywhere too) or reactivates a user. Side effects: the row and an audit row. */
  setActive(admin: AuthUser, id: string, active: boolean): Promise<UserAdminView> {
    return this.dataSource.transaction(async (manager) => {
      await this.lock(manager, id);
      if (!active && id === admin.id)
        throw unprocessable('cannot-deactivate-self', 'You cannot deactivate your own account.');
      const [rows] = (await manager.query(
        `UPDATE users SET active = $2, token_version = token_version + CASE WHEN $2 THEN 0 ELSE 1 END WHERE id = $1 RETURNING ${COLUMNS}`,
        [id, active],
      )) as [UserAdminView[], number];
      await this.audit.append(manager, {
        actorId: admin.id,
        action: active ? 'user.activate' : 'user.deactivate',
        objectType: 'user',
        objectId: id,
      });
      return rows[0] as UserAdminView;
    });
  }

  /** Voids every token issued to the user so far (admins for anyone; anyone for themselves). Side effects: the row and an audit row. */
  async signOutEverywhere(caller: AuthUser, id: string): Promise<void> {
    if (id !== caller.id && !caller.roles.includes('admin')) throw notFound('User', id);
    await this.dataSource.transaction(async (manager) => {
      await this.lock(manager, id);
      await manager.query('UPDATE users SET token_version = token_version + 1 WHERE id = $1', [id]);
      await this.audit.append(manager, {
        actorId: caller.id,
        action: 'user.sign-out-all',
        objectType: 'user',
        objectId: id,
      });
    });
  }

  private async lock(
    manager: EntityManager,
    id: string,
  ): Promise<{ id: string; roles: string[]; email: string | null }> {
    const [row] = (await manager.query('SELECT id, roles, email FROM users WHERE id = $1 FOR UPDATE', [
      id,
    ])) as {
      id: string;
      roles: string[];
      email: string | null;
    }[];
    if (!row) throw notFound('User', id);
    return row;
  }
}

/** An address as stored: trimmed, its domain lower-cased (the local part is the mailbox owner's). Pure. */
export function normaliseEmail(email: string): string {
  const trimmed = email.trim();
  const at = trimmed.lastIndexOf('@');
  return `${trimmed.slice(0, at)}@${trimmed.slice(at + 1).toLowerCase()}`;
}
