import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../../test/shared-database.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { ticketClient } from '../../test/ticket-helpers.js';

const agent = { role: 'agent' };

/** Legal when over 50,000, security when flagged, else a log entry; one join waits for the branches taken. */
const notifyFlow = {
  schemaVersion: 1,
  key: 'flows-inclusive',
  name: 'Inclusive notify',
  fields: [
    { name: 'amount', type: 'number' },
    { name: 'flagged', type: 'boolean' },
  ],
  nodes: [
    { id: 'start', type: 'start' },
    { id: 'notify', type: 'inclusive' },
    { id: 'legal', type: 'task', assignee: agent, outcomes: ['done', 'rework'] },
    { id: 'security', type: 'task', assignee: agent },
    { id: 'log', type: 'task', assignee: agent },
    { id: 'join', type: 'join' },
    { id: 'close', type: 'task', assignee: agent },
    { id: 'end', type: 'end', outcome: 'resolved' },
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'notify' },
    {
      id: 'e2',
      source: 'notify',
      target: 'legal',
      condition: { fact: 'amount', operator: 'greaterThan', value: 50000 },
    },
    {
      id: 'e3',
      source: 'notify',
      target: 'security',
      condition: { fact: 'flagged', operator: 'equal', value: true },
    },
    { id: 'e4', source: 'notify', target: 'log', default: true },
    { id: 'e5', source: 'legal', target: 'join', on: 'done' },
    { id: 'e6', source: 'legal', target: 'legal', on: 'rework' },
    { id: 'e7', source: 'security', target: 'join', on: 'completed' },
    { id: 'e8', source: 'log', target: 'join', on: 'completed' },
    { id: 'e9', source: 'join', target: 'close' },
    { id: 'e10', source: 'close', target: 'end', on: 'completed' },
  ],
};

/** Two branches that end at their own ends; the survey branch times out after a second. */
const implicitFlow = {
  schemaVersion: 1,
  key: 'flows-implicit',
  name: 'Implicit termination',
  fields: [],
  nodes: [
    { id: 'start', type: 'start' },
    { id: 'split', type: 'parallel' },
    { id: 'answer', type: 'task', assignee: agent },
    { id: 'survey', type: 'task', assignee: agent, timeout: { after: 'PT1S' } },
    { id: 'answered', type: 'end', outcome: 'resolved' },
    { id: 'expired', type: 'end', outcome: 'survey-expired' },
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'split' },
    { id: 'e2', source: 'split', target: 'answer' },
    { id: 'e3', source: 'split', target: 'survey' },
    { id: 'e4', source: 'answer', target: 'answered', on: 'completed' },
    { id: 'e5', source: 'survey', target: 'answered', on: 'completed' },
    { id: 'e6', source: 'survey', target: 'expired', on: 'timeout' },
  ],
};

describe('inclusive splits and implicit termination over HTTP', () => {
  let t: TestApp;
  let client: ReturnType<typeof ticketClient>;
  beforeAll(async () => {
    t = await startTestApp();
    client = ticketClient(t);
    await client.publish(notifyFlow);
    await client.publish(implicitFlow);
  });
  afterAll(async () => t?.close());

  it('joins after exactly the branches taken, also after the legal branch looped, and says why each was taken', async () => {
    const ticket = await client.createTicket('requester', {
      workflowKey: 'flows-inclusive',
      title: 'Big and flagged',
      fields: { amount: 80000, flagged: true },
    });
    expect(ticket.activeNodes).toEqual(['legal', 'security']);
    const complete = async (nodeId: string, body: Record<string, unknown> = {}) => {
      const task = await client.taskFor('agent', ticket.id, nodeId);
      expect((await client.act('agent', task.id, 'complete', body)).status).toBe(200);
    };
    await complete('security');
    expect((await client.ticket('agent', ticket.id)).activeNodes).toEqual(['legal', 'join']);
    await complete('legal', { outcome: 'rework' });
    expect((await client.ticket('agent', ticket.id)).activeNodes).toEqual(['legal', 'join']);
    await complete('legal', { outcome: 'done' });
    expect((await client.ticket('agent', ticket.id)).activeNodes).toEqual(['close']);
    const transitions = await client.transitions('agent', ticket.id);
    expect(
      transitions.filter((tr) => tr.from === 'notify' && tr.detail?.kind === 'condition').map((tr) => tr.to),
    ).toEqual(['legal', 'security']);
    expect(
      transitions.find((tr) => tr.from === 'notify' && tr.detail?.kind === 'note')?.detail?.text,
    ).toContain('"log" not taken');
    await complete('close');
    expect(await client.ticket('requester', ticket.id)).toMatchObject({
      status: 'completed',
      outcome: 'resolved',
    });
  });

  it('takes the default branch when no condition holds', async () => {
    const ticket = await client.createTicket('requester', {
      workflowKey: 'flows-inclusive',
      title: 'Small',
      fields: { amount: 10, flagged: false },
    });
    expect(ticket.activeNodes).toEqual(['log']);
  });

  it('ends a split without a join when its last branch ends, also when one branch timed out', async () => {
    const ticket = await client.createTicket('requester', {
      workflowKey: 'flows-implicit',
      title: 'Answer and survey',
      fields: {},
    });
    expect(ticket.activeNodes).toEqual(['answer', 'survey']);
    await eventually(
      async () => ((await client.ticket('agent', ticket.id)).activeNodes.length === 1 ? true : undefined),
      8000,
      'the survey timeout',
    );
    expect(await client.ticket('agent', ticket.id)).toMatchObject({
      status: 'active',
      activeNodes: ['answer'],
    });
    const answer = await client.taskFor('agent', ticket.id, 'answer');
    expect((await client.act('agent', answer.id, 'complete')).status).toBe(200);
    expect(await client.ticket('requester', ticket.id)).toMatchObject({
      status: 'completed',
      outcome: 'resolved',
      activeNodes: [],
    });
  });
});
