import { describe, expect, it } from 'vitest';
import type { WorkflowNode } from './definition.types.js';
import { outcomeInfoOf, outcomesOf } from './outcomes.js';

const n = (value: Record<string, unknown>): WorkflowNode =>
  ({ id: 'x', ...value }) as unknown as WorkflowNode;

describe('outcomesOf', () => {
  it('gives a task its outcomes, "completed" by default, and "timeout" when it has one', () => {
    expect(outcomesOf(n({ type: 'task', assignee: { role: 'a' } }))).toEqual(['completed']);
    expect(
      outcomesOf(n({ type: 'task', outcomes: ['fixed', 'wontfix'], timeout: { after: 'PT1H' } })),
    ).toEqual(['fixed', 'wontfix', 'timeout']);
  });

  it('gives an approval "timeout" only when the timeout has no autoDecision', () => {
    expect(outcomesOf(n({ type: 'approval' }))).toEqual(['approved', 'rejected']);
    expect(outcomesOf(n({ type: 'approval', timeout: { after: 'P1D' } }))).toEqual([
      'approved',
      'rejected',
      'timeout',
    ]);
    expect(outcomesOf(n({ type: 'approval', timeout: { after: 'P1D', autoDecision: 'approved' } }))).toEqual([
      'approved',
      'rejected',
    ]);
  });

  it('gives wait and action their fixed outcomes, and the other types none', () => {
    expect(outcomesOf(n({ type: 'wait', timeout: { after: 'P1D' } }))).toEqual(['received', 'timeout']);
    expect(outcomesOf(n({ type: 'action' }))).toEqual(['ok', 'failed']);
    for (const type of ['start', 'end', 'decision', 'parallel', 'join', 'timer'])
      expect(outcomesOf(n({ type }))).toEqual([]);
  });

  it('treats an action failure without an edge as a warning, since the runtime raises an incident', () => {
    expect(outcomeInfoOf(n({ type: 'action' })).find((info) => info.outcome === 'failed')?.ifUncovered).toBe(
      'warning',
    );
  });

  it('falls back to "completed" for a draft task with malformed outcomes', () => {
    expect(outcomesOf(n({ type: 'task', outcomes: 'fixed' }))).toEqual(['completed']);
  });
});
