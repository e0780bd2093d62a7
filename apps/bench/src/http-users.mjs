// Over HTTP, clients acting as users do: each one walks refund tickets through the API the way people would.
import { attachReceipt, getJson, login, postJson } from './api-app.mjs';

/**
 * Signs in the three people of a refund once: requester, agent, finance1.
 * Returns their tokens for `userRefund`.
 */
export async function refundUsers(baseUrl) {
  const [requester, agent, finance] = await Promise.all(
    ['requester', 'agent', 'finance1'].map((name) => login(baseUrl, name)),
  );
  return { requester, agent, finance };
}

/**
 * One refund instance as its users drive it: the requester creates a refund
 * of 6,200 and uploads its receipt; the agent reads their inbox, finds the
 * review and completes it; finance1 reads their inbox, finds the approval and
 * approves. Six requests.
 * Throws when a task is not in the inbox it should be in.
 */
export async function userRefund(baseUrl, tokens) {
  const ticket = await postJson(baseUrl, '/api/tickets', tokens.requester, {
    workflowKey: 'refund-approval',
    title: 'Bench refund',
    fields: { refundAmount: 6200 },
  });
  await attachReceipt(baseUrl, tokens.requester, ticket.id);
  const review = await taskInInbox(baseUrl, tokens.agent, ticket.id, 'agent');
  await postJson(baseUrl, `/api/tasks/${review}/complete`, tokens.agent, { outcome: 'completed' });
  const approval = await taskInInbox(baseUrl, tokens.finance, ticket.id, 'finance1');
  await postJson(baseUrl, `/api/tasks/${approval}/approve`, tokens.finance, {});
}

async function taskInInbox(baseUrl, token, ticketId, who) {
  const inbox = await getJson(baseUrl, '/api/tasks', token);
  const task = inbox.find((entry) => entry.ticketId === ticketId);
  if (!task) throw new Error(`ticket ${ticketId} has no task in ${who}'s inbox (${inbox.length} entries)`);
  return task.id;
}

/**
 * `clients` clients each doing `userRefund` back to back for `seconds`.
 * Returns completed instances/s and committed transitions/s (rows counted in
 * `transitions` through `pool`) and how many instances failed.
 */
export async function usersWindow(baseUrl, tokens, pool, { clients, seconds }) {
  const transitions = async () =>
    Number((await pool.query('SELECT count(*) AS n FROM transitions')).rows[0].n);
  const before = await transitions();
  let completed = 0;
  let failed = 0;
  let firstError = null;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < deadline) {
        try {
          await userRefund(baseUrl, tokens);
          completed += 1;
        } catch (error) {
          failed += 1;
          firstError ??= error;
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  if (completed === 0 && firstError) throw firstError;
  return {
    instancesPerSecond: completed / elapsed,
    transitionsPerSecond: ((await transitions()) - before) / elapsed,
    failed,
  };
}
