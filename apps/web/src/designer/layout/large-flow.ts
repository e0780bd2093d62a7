import type { WorkflowDefinition, WorkflowEdge, WorkflowNode } from '@ticketflow/definition';

/**
 * A valid flow of about `size` nodes shaped like real ones: a chain of reviews,
 * with a decision every few steps that sends large cases to an approval which
 * rejoins the main line, ending in resolved / rejected. For layout tests and
 * the "50-node flow" of the Designer's end-to-end test. Pure.
 */
export function largeFlow(size = 50): WorkflowDefinition {
  const nodes: WorkflowNode[] = [{ id: 'start', type: 'start', name: 'Start' }];
  const edges: WorkflowEdge[] = [];
  const link = (source: string, target: string, extra: Partial<WorkflowEdge> = {}) =>
    edges.push({ id: `e${edges.length + 1}`, source, target, ...extra });
  nodes.push({ id: 'rejected', type: 'end', name: 'Rejected', outcome: 'rejected' });
  let previous = { id: 'start', on: undefined as string | undefined };
  let step = 1;
  while (nodes.length < size - 1) {
    const task = `review-${step}`;
    nodes.push({ id: task, type: 'task', name: `Review step ${step}`, assignee: { role: 'agent' } });
    link(previous.id, task, previous.on ? { on: previous.on } : {});
    previous = { id: task, on: 'completed' };
    if (step % 3 === 0 && nodes.length < size - 3) {
      const decision = `check-${step}`;
      const approval = `approve-${step}`;
      const merge = `after-${step}`;
      nodes.push({ id: decision, type: 'decision', name: `Amount over ${step * 100}?` });
      nodes.push({
        id: approval,
        type: 'approval',
        name: `Approval ${step}`,
        approvers: { role: 'manager' },
        policy: { type: 'any' },
      });
      nodes.push({ id: merge, type: 'task', name: `Record step ${step}`, assignee: { role: 'agent' } });
      link(task, decision, { on: 'completed' });
      link(decision, approval, {
        condition: { all: [{ fact: 'amount', operator: 'greaterThan', value: step * 100 }] },
      });
      link(decision, merge, { default: true });
      link(approval, merge, { on: 'approved' });
      link(approval, 'rejected', { on: 'rejected' });
      previous = { id: merge, on: 'completed' };
    }
    step += 1;
  }
  nodes.push({ id: 'done', type: 'end', name: 'Resolved', outcome: 'resolved' });
  link(previous.id, 'done', previous.on ? { on: previous.on } : {});
  return {
    schemaVersion: 1,
    key: `large-flow-${size}`,
    name: `Large flow (${size} nodes)`,
    fields: [{ name: 'amount', type: 'number' }],
    nodes,
    edges,
  };
}
