import type { EntityManager } from 'typeorm';
import { attachmentRuleOf, type WorkflowDefinition } from '@ticketflow/definition';
import { unprocessable } from '../common/errors/domain-error.js';

/**
 * Refuses to complete or approve a step whose form says
 * `attachments: { required: true }` while the ticket has no file (422
 * `attachment-required`, with the form's note). Reads the database only
 * for steps that require one. Throws; no other side effects.
 */
export async function assertAttachmentRule(
  manager: EntityManager,
  definition: WorkflowDefinition,
  task: { node_id: string; name: string; ticket_id: string },
): Promise<void> {
  const node = definition.nodes.find((candidate) => candidate.id === task.node_id);
  const rule = node ? attachmentRuleOf(node) : null;
  if (!rule?.required) return;
  const [found] = (await manager.query(`SELECT 1 FROM attachments WHERE ticket_id = $1 LIMIT 1`, [
    task.ticket_id,
  ])) as unknown[];
  if (found) return;
  throw unprocessable(
    'attachment-required',
    `"${task.name}" needs a file on the ticket first${rule.note ? ` (${rule.note})` : ''}: attach one, then try again.`,
  );
}
