import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { notFound } from '../common/errors/domain-error.js';

export interface NotificationView {
  id: string;
  ticketId: string | null;
  kind: string;
  title: string;
  body: string;
  createdAt: Date;
  readAt: Date | null;
}

const COLUMNS = `id, ticket_id AS "ticketId", kind, title, body, created_at AS "createdAt", read_at AS "readAt"`;

/** A user's in-app notifications: only ever their own. */
@Injectable()
export class NotificationsService {
  constructor(private readonly dataSource: DataSource) {}

  /** The caller's newest notifications (at most 100), optionally unread only. Reads only. */
  async list(user: AuthUser, unreadOnly: boolean): Promise<NotificationView[]> {
    return (await this.dataSource.query(
      `SELECT ${COLUMNS} FROM notifications WHERE user_id = $1 AND (NOT $2 OR read_at IS NULL) ORDER BY created_at DESC LIMIT 100`,
      [user.id, unreadOnly],
    )) as NotificationView[];
  }

  /** How many of the caller's notifications are unread. Reads only. */
  async unreadCount(user: AuthUser): Promise<{ count: number }> {
    const [row] = (await this.dataSource.query(
      `SELECT count(*)::int AS count FROM notifications WHERE user_id = $1 AND read_at IS NULL`,
      [user.id],
    )) as { count: number }[];
    return { count: row?.count ?? 0 };
  }

  /** Marks one of the caller's notifications read (idempotent); 404 for anyone else's. Side effect: sets read_at. */
  async markRead(id: string, user: AuthUser): Promise<NotificationView> {
    const [rows] = (await this.dataSource.query(
      `UPDATE notifications SET read_at = coalesce(read_at, now()) WHERE id = $1 AND user_id = $2 RETURNING ${COLUMNS}`,
      [id, user.id],
    )) as [NotificationView[], number];
    const row = rows[0];
    if (!row) throw notFound('Notification', id);
    return row;
  }
}
