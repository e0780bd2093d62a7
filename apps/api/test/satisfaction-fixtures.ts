import { SurveyTokens } from '../src/satisfaction/survey-token.js';
import type { TestApp } from './test-app.js';
import { ticketClient } from './ticket-helpers.js';

/**
 * A refund of `requester`'s (receipt attached) taken to the end: the agent
 * completes the review, then the manager (up to 5,000) or finance1 (above) approves —
 * or rejects. Returns the ticket id.
 */
export async function resolvedTicket(
  t: TestApp,
  amount = 40,
  decision: 'approve' | 'reject' = 'approve',
): Promise<string> {
  const client = ticketClient(t);
  const ticket = await client.createRefund({ title: `Refund ${amount}`, fields: { refundAmount: amount } });
  const review = await client.taskFor('agent', ticket.id, 'review');
  if ((await client.act('agent', review.id, 'complete')).status !== 200)
    throw new Error('review did not complete');
  const [approver, node] = amount > 5000 ? ['finance1', 'finance'] : ['manager', 'manager'];
  const approval = await client.taskFor(approver, ticket.id, node);
  const answer = await client.act(
    approver,
    approval.id,
    decision,
    decision === 'reject' ? { comment: 'No receipt.' } : {},
  );
  if (answer.status !== 200) throw new Error(`${decision}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return ticket.id;
}

/** The one-click token of a ticket's survey. */
export async function surveyToken(t: TestApp, ticketId: string): Promise<string> {
  const [row] = (await t.db.dataSource.query('SELECT id FROM satisfaction_surveys WHERE ticket_id = $1', [
    ticketId,
  ])) as { id: string }[];
  if (!row) throw new Error(`ticket ${ticketId} has no survey`);
  return t.app.get(SurveyTokens).sign(row.id);
}
