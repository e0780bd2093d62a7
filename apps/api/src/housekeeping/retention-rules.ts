import type { RetentionSettings } from '../config/operations-config.js';

/**
 * One kind of row housekeeping deletes: which table, which rows (`where`, with
 * `$1` the cutoff timestamp), and how old they must be. Transitions, audit
 * rows, tickets, instances, tasks, votes, failed timers and outbox rows and
 * unread notifications are never listed: they are history or still need
 * someone's attention.
 */
export interface RetentionRule {
  table: string;
  /** Label in logs and metrics. */
  name: string;
  /** Rows matching this (with `$1` the cutoff) may be deleted. */
  where: string;
  /** Row key to delete by (`ctid` for tables whose key spans columns). */
  key: string;
  maxAgeMs: number;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The rules for the given settings, in the order they run. Pure. */
export function retentionRules(settings: RetentionSettings): RetentionRule[] {
  return [
    {
      name: 'idempotency_keys',
      table: 'idempotency_keys',
      key: 'ctid',
      where: 'created_at < $1',
      maxAgeMs: settings.idempotencyKeyHours * HOUR,
    },
    {
      name: 'timers',
      table: 'timers',
      key: 'id',
      // A fired or cancelled timer drives nothing; re-scheduling the same key inserts a new row.
      where: `status IN ('fired', 'cancelled') AND coalesce(fired_at, created_at) < $1 AND created_at < $1`,
      maxAgeMs: settings.timerDays * DAY,
    },
    {
      name: 'outbox',
      table: 'outbox',
      key: 'id',
      // Sent or cancelled, and not the row an incident points at (retrying an incident reads it).
      where: `status IN ('done', 'cancelled') AND done_at < $1 AND NOT EXISTS (SELECT 1 FROM incidents i WHERE i.outbox_id = outbox.id)`,
      maxAgeMs: settings.outboxDays * DAY,
    },
    {
      name: 'notifications',
      table: 'notifications',
      key: 'id',
      where: 'read_at IS NOT NULL AND read_at < $1',
      maxAgeMs: settings.readNotificationDays * DAY,
    },
    {
      name: 'intake_messages',
      table: 'intake_messages',
      key: 'id',
      where: 'received_at < $1',
      maxAgeMs: settings.intakeMessageDays * DAY,
    },
    {
      name: 'mail_messages',
      table: 'mail_messages',
      key: 'id',
      // The e-mail log: refused and ignored mail ages out; accepted mail stays, it threads replies
      // and keeps a redelivered Message-ID from opening a second ticket.
      where: `status IN ('rejected', 'ignored') AND received_at < $1`,
      maxAgeMs: settings.intakeMessageDays * DAY,
    },
  ];
}

/** Tables housekeeping must never touch; a rule naming one is a bug (a test checks). */
export const NEVER_DELETED = [
  'transitions',
  'audit_log',
  'tickets',
  'instances',
  'tasks',
  'approval_votes',
  'incidents',
  'node_visits',
] as const;
