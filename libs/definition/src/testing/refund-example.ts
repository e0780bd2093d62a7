import type { WorkflowDefinition } from '../definition.types.js';

/** The refund-approval example (the full form of the one in docs/architecture.md). A fresh copy on every call. */
export function refundExample(): WorkflowDefinition {
  return {
    schemaVersion: 1,
    key: 'refund-approval',
    name: 'Refund approval',
    fields: [
      { name: 'refundAmount', type: 'number', label: 'Refund amount', required: true },
      { name: 'channel', type: 'enum', options: ['phone', 'web', 'wechat', 'email', 'app'] },
    ],
    nodes: [
      { id: 'start', type: 'start' },
      { id: 'review', type: 'task', name: 'Agent review', assignee: { role: 'agent' } },
      { id: 'amount', type: 'decision', name: 'Refund amount?' },
      {
        id: 'finance',
        type: 'approval',
        name: 'Finance approval',
        approvers: { role: 'finance' },
        policy: { type: 'any' },
        timeout: { after: 'PT48H' },
      },
      { id: 'manager', type: 'approval', name: 'Manager approval', approvers: { role: 'manager' } },
      { id: 'done', type: 'end', outcome: 'resolved' },
      { id: 'rejected', type: 'end', outcome: 'rejected' },
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
      { id: 'e6', source: 'finance', target: 'rejected', on: 'rejected' },
      { id: 'e7', source: 'finance', target: 'manager', on: 'timeout' },
      { id: 'e8', source: 'manager', target: 'done', on: 'approved' },
      { id: 'e9', source: 'manager', target: 'rejected', on: 'rejected' },
    ],
  };
}
