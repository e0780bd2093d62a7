import { describe, expect, it } from 'vitest';
import type { WorkflowDefinition } from '@ticketflow/definition';
import i18n from '../i18n/i18n';
import { explainTransition, pathOf } from './timeline-model';
import type { Transition } from '@ticketflow/contract';

const definition: WorkflowDefinition = {
  schemaVersion: 1,
  key: 'refund-approval',
  name: 'Refund approval',
  fields: [{ name: 'refundAmount', type: 'number', label: 'Refund amount', required: true }],
  nodes: [
    { id: 'start', type: 'start' },
    { id: 'review', type: 'task', name: 'Agent review', assignee: { role: 'agent' } },
    { id: 'amount', type: 'decision', name: 'Refund amount?' },
    { id: 'finance', type: 'approval', name: 'Finance approval', approvers: { role: 'finance' } },
    { id: 'manager', type: 'approval', name: 'Manager approval', approvers: { role: 'manager' } },
    { id: 'done', type: 'end', outcome: 'resolved' },
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'review' },
    { id: 'e2', source: 'review', target: 'amount', on: 'completed' },
    {
      id: 'e3',
      source: 'amount',
      target: 'finance',
      condition: { all: [{ fact: 'refundAmount', operator: 'greaterThan', value: 5000 }] },
    },
    { id: 'e4', source: 'amount', target: 'manager', default: true },
    { id: 'e5', source: 'finance', target: 'done', on: 'approved' },
  ],
};

const at = '2026-11-24T10:00:00Z';
const transitions: Transition[] = [
  { seq: 1, event: 'start', from: null, to: 'review', at },
  {
    seq: 2,
    event: 'task.complete',
    from: 'review',
    to: 'amount',
    actor: 'agent',
    detail: { kind: 'outcome', outcome: 'completed', actor: 'u1' },
    at,
  },
  {
    seq: 3,
    event: 'auto',
    from: 'amount',
    to: 'finance',
    at,
    detail: {
      kind: 'condition',
      edgeId: 'e3',
      condition: definition.edges[2]!.condition,
      text: 'Refund amount > 5,000',
      values: { refundAmount: 6200 },
    },
  },
];

describe('the timeline', () => {
  const t = i18n.getFixedT('en');

  it('explains an automatic branch with the condition and the values it saw', () => {
    const line = explainTransition(transitions[2]!, definition, 'en', t);
    expect(line.automatic).toBe(true);
    expect(line.text).toBe('Went to Finance approval because Refund amount > 5,000 (Refund amount is 6,200)');
  });

  it("explains the default branch and a person's outcome", () => {
    expect(
      explainTransition(
        {
          seq: 4,
          event: 'auto',
          from: 'amount',
          to: 'manager',
          at,
          detail: { kind: 'default', edgeId: 'e4', text: 'otherwise' },
        },
        definition,
        'en',
        t,
      ).text,
    ).toBe('Went to Manager approval: otherwise (no condition held)');
    expect(explainTransition(transitions[1]!, definition, 'en', t).text).toBe(
      'Agent review: completed → Refund amount?',
    );
  });

  it('says the ticket was created for the move into the start node', () => {
    expect(
      explainTransition(
        { seq: 0, event: 'start', from: null, to: 'start', actor: 'requester', at },
        definition,
        'en',
        t,
      ).text,
    ).toBe('Ticket created');
  });

  it('explains in Chinese', () => {
    const zh = i18n.getFixedT('zh-CN');
    expect(explainTransition(transitions[2]!, definition, 'zh', zh).text).toContain('因为');
  });

  it('derives the path taken from the transitions', () => {
    const path = pathOf(definition, transitions);
    expect([...path.visitedNodes].sort()).toEqual(['amount', 'finance', 'review', 'start']);
    expect([...path.takenEdges].sort()).toEqual(['e1', 'e2', 'e3']);
  });
});

describe('timeline paths', () => {
  it('marks a plain move as already saying its path, so it is printed once', () => {
    const t = (key: string, options?: Record<string, unknown>) =>
      key === 'tickets.explain.moved' ? `${String(options?.from)} → ${String(options?.to)}` : key;
    const line = explainTransition(
      { seq: 2, event: 'auto', from: 'start', to: 'review', at: '2026-01-01T00:00:00Z' } as Transition,
      undefined,
      'en',
      t,
    );
    expect(line).toMatchObject({ text: 'start → review', saysPath: true });
  });
});
