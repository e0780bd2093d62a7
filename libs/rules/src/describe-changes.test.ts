import { describe, expect, it } from 'vitest';
import { diffDefinitions, type WorkflowDefinition } from '@ticketflow/definition';
import { describeChanges } from './describe-changes.js';

function refund(threshold: number): WorkflowDefinition {
  return {
    schemaVersion: 1,
    key: 'refund-approval',
    name: 'Refund approval',
    fields: [{ name: 'refundAmount', type: 'number', label: 'Refund amount', required: true }],
    nodes: [
      { id: 'start', type: 'start' },
      { id: 'amount', type: 'decision', name: 'Refund amount?' },
      { id: 'finance', type: 'approval', name: 'Finance approval', approvers: { role: 'finance' } },
      { id: 'done', type: 'end', outcome: 'resolved' },
    ],
    edges: [
      { id: 'e1', source: 'start', target: 'amount' },
      { id: 'e2', source: 'amount', target: 'finance', condition: { all: [{ fact: 'refundAmount', operator: 'greaterThan', value: threshold }] } },
      { id: 'e3', source: 'amount', target: 'done', default: true },
      { id: 'e4', source: 'finance', target: 'done', on: 'approved' },
    ],
  };
}

describe('describeChanges', () => {
  it('words a changed threshold with both conditions', () => {
    const before = refund(5000);
    const after = refund(3000);
    const texts = describeChanges(diffDefinitions(before, after).changes, before, after);
    expect(texts).toEqual([
      {
        text: 'condition on “Refund amount? → Finance approval” changed from “Refund amount > 5,000” to “Refund amount > 3,000”',
        edgeId: 'e2',
      },
    ]);
  });

  it('names added and removed nodes and changed properties, in Chinese too', () => {
    const before = refund(5000);
    const after = refund(5000);
    after.nodes.push({ id: 'audit', type: 'task', name: 'Audit', assignee: { role: 'agent' } });
    after.nodes[2] = { id: 'finance', type: 'approval', name: 'Finance approval', approvers: { role: 'controller' } };
    const changes = diffDefinitions(before, after).changes;
    expect(describeChanges(changes, before, after).map((c) => c.text)).toEqual([
      '“Audit” added',
      'approvers of “Finance approval” changed from {"role":"finance"} to {"role":"controller"}',
    ]);
    expect(describeChanges(changes, before, after, 'zh')[0]).toEqual({ text: '新增 “Audit”', nodeId: 'audit' });
  });
});
