// The refund flow as a DBOS Transact durable workflow: the peer that also persists every step in PostgreSQL.
import { DBOS } from '@dbos-inc/dbos-sdk';

/** How long a workflow waits for a message before giving up (never reached in a healthy run). */
const WAIT_SECONDS = 600;

/** Decide on the amount: above 5,000 finance approves, else a manager (the refund flow's decision node). */
const decide = DBOS.registerStep(async (refundAmount) => (refundAmount > 5000 ? 'finance' : 'manager'), {
  name: 'decideApprover',
});

/**
 * start → wait for the review (a durable `recv`) → decide on the amount (a
 * checkpointed step) → publish who approves (`setEvent`, what the inbox is to
 * our users) → wait for the approval (`recv`) → end with the outcome.
 */
const refund = DBOS.registerWorkflow(
  async (refundAmount) => {
    const review = await DBOS.recv('review', WAIT_SECONDS);
    if (review?.outcome !== 'completed') return 'cancelled';
    const approver = await decide(refundAmount);
    await DBOS.setEvent('approver', approver);
    const approval = await DBOS.recv('approval', WAIT_SECONDS);
    return approval?.decision === 'approved' ? 'resolved' : 'rejected';
  },
  { name: 'refundApproval' },
);

/** The API's pool size (apps/api database-connection.ts), so both sides may hold as many connections. */
const POOL_SIZE = 20;

/** Launches DBOS on `systemDatabaseUrl` (its own database; DBOS creates its tables there). */
export async function launchDbos(systemDatabaseUrl) {
  DBOS.setConfig({
    name: 'ticketflow-bench',
    systemDatabaseUrl,
    systemDatabasePoolSize: POOL_SIZE,
    logLevel: 'error',
  });
  await DBOS.launch();
}

export const shutdownDbos = () => DBOS.shutdown();

/**
 * One refund instance as a client of DBOS sees it, like the users of our
 * engine: the requester starts the workflow (6,200), the agent sends the
 * review, the approver learns it is theirs (getEvent), approves, and the
 * client waits for the workflow's end. Throws unless it ends resolved.
 */
export async function dbosRefundInstance() {
  const handle = await DBOS.startWorkflow(refund)(6200);
  await DBOS.send(handle.workflowID, { outcome: 'completed' }, 'review');
  const approver = await DBOS.getEvent(handle.workflowID, 'approver', WAIT_SECONDS);
  await DBOS.send(handle.workflowID, { decision: 'approved', by: approver }, 'approval');
  const outcome = await handle.getResult();
  if (outcome !== 'resolved') throw new Error(`DBOS refund ${handle.workflowID} ended ${outcome}`);
}
