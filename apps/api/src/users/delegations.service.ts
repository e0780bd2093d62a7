import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { invalid, notFound, unprocessable } from '../common/errors/domain-error.js';

export interface DelegationView {
  id: string;
  from: string;
  to: string;
  startsAt: Date;
  endsAt: Date | null;
}

/** Dated delegations: while one is active, its target may act on the delegator's steps (absences). */
@Injectable()
export class DelegationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Delegations from or to the caller (all of them for admins). */
  list(user: AuthUser): Promise<DelegationView[]> {
    return this.dataSource.query(
      `SELECT d.id, f.username AS "from", t.username AS "to", d.starts_at AS "startsAt", d.ends_at AS "endsAt"
         FROM delegations d JOIN users f ON f.id = d.from_user_id JOIN users t ON t.id = d.to_user_id
        WHERE $2 OR d.from_user_id = $1 OR d.to_user_id = $1 ORDER BY d.starts_at DESC`,
      [user.id, user.roles.includes('admin')],
    );
  }

  /** Delegates the caller's own steps to `toUser` from `startsAt` (default now) until `endsAt` (open-ended if absent). */
  async create(user: AuthUser, toUser: string, startsAt?: string, endsAt?: string): Promise<DelegationView> {
    const start = startsAt ? new Date(startsAt) : new Date();
    const end = endsAt ? new Date(endsAt) : null;
    if (end && end <= start) throw invalid('invalid-period', 'endsAt must be after startsAt.');
    return this.dataSource.transaction(async (manager) => {
      const [target] = (await manager.query('SELECT id, roles FROM users WHERE username = $1 AND active', [
        toUser,
      ])) as { id: string; roles: string[] }[];
      if (!target) throw invalid('unknown-user', `toUser "${toUser}" is not an active user.`);
      if (target.id === user.id) throw invalid('self-delegation', 'toUser must be someone else.');
      // A delegate acts on the delegator's steps, so they must already hold every working role the delegator
      // does (everyone may request); otherwise a delegation would hand out roles an admin never granted.
      const missing = user.roles.filter((role) => role !== 'requester' && !target.roles.includes(role));
      if (missing.length > 0) {
        throw unprocessable(
          'delegate-lacks-role',
          `toUser "${toUser}" does not hold the role${missing.length === 1 ? '' : 's'} ${missing.join(', ')} that this delegation would hand over; delegate to someone who does.`,
        );
      }
      const [row] = (await manager.query(
        'INSERT INTO delegations (from_user_id, to_user_id, starts_at, ends_at) VALUES ($1, $2, $3, $4) RETURNING id',
        [user.id, target.id, start, end],
      )) as { id: string }[];
      await this.audit.append(manager, {
        actorId: user.id,
        action: 'delegation.create',
        objectType: 'delegation',
        objectId: String(row?.id),
        details: { toUser, startsAt: start, endsAt: end },
      });
      return { id: String(row?.id), from: user.username, to: toUser, startsAt: start, endsAt: end };
    });
  }

  /** Ends a delegation now; only its delegator or an admin may. */
  async end(user: AuthUser, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const [, count] = (await manager.query(
        `UPDATE delegations SET ends_at = now() WHERE id = $1 AND (from_user_id = $2 OR $3) AND (ends_at IS NULL OR ends_at > now())`,
        [id, user.id, user.roles.includes('admin')],
      )) as [unknown, number];
      if (count === 0) throw notFound('Active delegation', id);
      await this.audit.append(manager, {
        actorId: user.id,
        action: 'delegation.end',
        objectType: 'delegation',
        objectId: id,
      });
    });
  }
}
