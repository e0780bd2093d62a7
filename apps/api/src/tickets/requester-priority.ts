import type { WorkflowDefinition } from '@ticketflow/definition';
import type { AuthUser } from '../auth/auth-user.js';
import { forbidden } from '../common/errors/domain-error.js';

/**
 * A requester (someone with no role but `requester`) may ask for a priority
 * other than `normal` only when the workflow says so (`requesterPriority`);
 * staff always may. Pure; throws 403 `priority-not-allowed`.
 */
export function assertMaySetPriority(
  definition: Pick<WorkflowDefinition, 'requesterPriority' | 'key'>,
  priority: string | undefined,
  user: AuthUser,
): void {
  if (priority === undefined || priority === 'normal' || definition.requesterPriority === true) return;
  if (user.roles.some((role) => role !== 'requester')) return;
  throw forbidden(
    'priority-not-allowed',
    `Workflow "${definition.key}" does not let requesters choose the priority; leave priority out (normal) and staff will triage.`,
  );
}
