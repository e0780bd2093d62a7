import type { EntityManager } from 'typeorm';
import type { ActionSpec } from '@ticketflow/definition';
import type { LoadedInstance } from '../engine/engine.service.js';
import { notifyUsers, usersWithRole } from '../notifications/notifier.js';
import { renderText } from './action-template.js';

type NotifyAction = Extract<ActionSpec, { type: 'notify' }>;

/**
 * Performs a `notify` action inside the reporting transaction: resolves the
 * recipients (a user by username, a role's members, or the requester) and
 * inserts one in-app notification each, the template's placeholders filled.
 * Side effect: notification rows (deduplicated per action visit).
 */
export async function performNotify(
  manager: EntityManager,
  instance: LoadedInstance,
  action: NotifyAction,
  actionKey: string,
): Promise<number> {
  const [ticket] = (await manager.query(`SELECT title, number FROM tickets WHERE id = $1`, [
    instance.ticketId,
  ])) as { title: string; number: string }[];
  let recipients: string[] = [];
  if ('requester' in action.to) recipients = [instance.requesterId];
  else if ('role' in action.to) recipients = await usersWithRole(manager, action.to.role);
  else {
    const rows = (await manager.query(`SELECT id FROM users WHERE username = $1 AND active`, [
      action.to.user,
    ])) as { id: string }[];
    recipients = rows.map((row) => row.id);
  }
  const context = {
    ticket: { id: instance.ticketId, title: ticket?.title ?? '', number: Number(ticket?.number ?? 0) },
    fields: instance.fields,
  };
  return notifyUsers(manager, recipients, {
    ticketId: instance.ticketId,
    kind: 'workflow',
    title: renderText(action.template, context),
    body: ticket?.title ?? '',
    dedupeKey: `action:${instance.id}:${actionKey}`,
  });
}
