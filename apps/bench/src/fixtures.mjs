import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** The refund flow of docs/architecture.md, as published in workflows/. */
export function refundDefinition() {
  const definition = JSON.parse(readFileSync(resolve(repoRoot, 'workflows/refund-approval.json'), 'utf8'));
  delete definition.$schema;
  return definition;
}

/**
 * A valid definition of about `size` nodes: a chain of blocks, each a task, a
 * decision on `amount` and two approvals that meet again at the next task.
 */
export function generatedDefinition(size) {
  const nodes = [{ id: 'start', type: 'start' }];
  const edges = [];
  let edge = 0;
  const link = (source, target, extra = {}) =>
    edges.push({ id: `e${(edge += 1)}`, source, target, ...extra });
  const blocks = Math.max(1, Math.floor((size - 2) / 4));
  for (let i = 0; i < blocks; i += 1) {
    const task = `t${i}`,
      decision = `d${i}`,
      high = `h${i}`,
      low = `l${i}`;
    nodes.push(
      { id: task, type: 'task', name: `Review ${i}`, assignee: { role: 'agent' } },
      { id: decision, type: 'decision', name: `Amount ${i}?` },
      { id: high, type: 'approval', name: `Finance ${i}`, approvers: { role: 'finance' } },
      { id: low, type: 'approval', name: `Manager ${i}`, approvers: { role: 'manager' } },
    );
    if (i === 0) link('start', task);
    else {
      link(`h${i - 1}`, task, { on: 'approved' });
      link(`l${i - 1}`, task, { on: 'approved' });
    }
    link(task, decision, { on: 'completed' });
    link(decision, high, { condition: { all: [{ fact: 'amount', operator: 'greaterThan', value: 5000 }] } });
    link(decision, low, { default: true });
  }
  nodes.push(
    { id: 'done', type: 'end', outcome: 'resolved' },
    { id: 'rejected', type: 'end', outcome: 'rejected' },
  );
  const last = blocks - 1;
  link(`h${last}`, 'done', { on: 'approved' });
  link(`l${last}`, 'done', { on: 'approved' });
  for (let i = 0; i < blocks; i += 1) {
    link(`h${i}`, 'rejected', { on: 'rejected' });
    link(`l${i}`, 'rejected', { on: 'rejected' });
  }
  return {
    schemaVersion: 1,
    key: `generated-${size}`,
    name: `Generated ${size}`,
    fields: [{ name: 'amount', type: 'number' }],
    nodes,
    edges,
  };
}
