import type { TestApp } from './test-app.js';
import { ticketClient } from './ticket-helpers.js';

/** Fixtures for the authorization matrix rows of issue 5 (timers, SLAs, outbox, incidents, notifications, inbound events). */

const published = new WeakMap<TestApp, Set<string>>();

async function publishOnce(t: TestApp, definition: Record<string, unknown>): Promise<void> {
  const keys = published.get(t) ?? new Set<string>();
  published.set(t, keys);
  if (keys.has(String(definition.key))) return;
  await ticketClient(t).publish(definition);
  keys.add(String(definition.key));
}

/** A ticket of `requester`'s waiting at a `wait` node for message `arrived`. */
export async function waitingTicket(t: TestApp): Promise<string> {
  await publishOnce(t, {
    schemaVersion: 1,
    key: 'matrix-wait',
    name: 'Matrix wait',
    fields: [],
    nodes: [
      { id: 'start', type: 'start' },
      { id: 'hold', type: 'wait', message: 'arrived' },
      { id: 'end', type: 'end', outcome: 'resolved' },
    ],
    edges: [
      { id: 'e1', source: 'start', target: 'hold' },
      { id: 'e2', source: 'hold', target: 'end', on: 'received' },
    ],
  });
  return (
    await ticketClient(t).createTicket('requester', {
      workflowKey: 'matrix-wait',
      title: 'Matrix wait',
      fields: {},
    })
  ).id;
}

/** An open, retryable incident: an HTTP action to a host that is not on the allow-list fails at once. */
export async function openIncident(t: TestApp): Promise<string> {
  await publishOnce(t, {
    schemaVersion: 1,
    key: 'matrix-incident',
    name: 'Matrix incident',
    fields: [],
    nodes: [
      { id: 'start', type: 'start' },
      {
        id: 'call',
        type: 'action',
        action: { type: 'http', method: 'POST', url: 'https://not-allowed.example/hook' },
      },
      { id: 'end', type: 'end', outcome: 'resolved' },
    ],
    edges: [
      { id: 'e1', source: 'start', target: 'call' },
      { id: 'e2', source: 'call', target: 'end', on: 'ok' },
    ],
  });
  const ticket = await ticketClient(t).createTicket('requester', {
    workflowKey: 'matrix-incident',
    title: 'Matrix incident',
    fields: {},
  });
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const [row] = (await t.db.dataSource.query(
      `SELECT n.id FROM incidents n JOIN instances i ON i.id = n.instance_id WHERE i.ticket_id = $1 AND n.status = 'open' AND n.outbox_id IS NOT NULL`,
      [ticket.id],
    )) as { id: string }[];
    if (row) return row.id;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('no incident was raised for the matrix ticket');
}

/** A notification of `requester`'s. */
export async function requesterNotification(t: TestApp): Promise<string> {
  const [row] = (await t.db.dataSource.query(
    `INSERT INTO notifications (user_id, kind, title) SELECT id, 'matrix', 'Matrix' FROM users WHERE username = 'requester' RETURNING id`,
  )) as { id: string }[];
  return (row as { id: string }).id;
}

let policyCounter = 0;

/** An SLA policy for a fresh workflow key. */
export async function slaPolicy(t: TestApp): Promise<string> {
  const response = await t.http
    .put('/api/sla/policies')
    .set({ Authorization: `Bearer ${await t.login('admin')}` })
    .send({ workflowKey: `matrix-sla-${(policyCounter += 1)}`, resolutionMinutes: 60 });
  return response.body.id as string;
}

export const calendarBody = {
  workingDays: [1, 2, 3, 4, 5],
  startMinute: 540,
  endMinute: 1080,
  utcOffsetMinutes: 0,
  holidays: [],
};
