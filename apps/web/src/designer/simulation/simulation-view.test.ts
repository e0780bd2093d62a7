import { describe, expect, it } from 'vitest';
import { simulate } from '@ticketflow/runtime';
import { refundApproval } from '../../test/fixtures';
import { availableActions, describeRun } from './simulation-view';

describe('simulation view', () => {
  const def = refundApproval();

  it('offers the outcomes of the waiting step', async () => {
    const run = await simulate(def, { refundAmount: 6200, channel: 'wechat' }, []);
    expect(availableActions(def, run.snapshot)).toEqual([{ nodeId: 'review', outcome: 'completed' }]);
  });

  it('offers approve, reject and timeout on an approval with a timeout', async () => {
    const run = await simulate(def, { refundAmount: 6200 }, [{ nodeId: 'review', outcome: 'completed' }]);
    expect(availableActions(def, run.snapshot)).toEqual([
      { nodeId: 'finance', outcome: 'approved' },
      { nodeId: 'finance', outcome: 'rejected' },
      { nodeId: 'finance', outcome: 'timeout' },
    ]);
  });

  it('offers a sub-flow the outcomes its edges follow, like a task whose outcome the user picks', async () => {
    const trip = {
      schemaVersion: 1 as const,
      key: 'trip',
      name: 'Trip',
      fields: [],
      nodes: [
        { id: 'start', type: 'start' as const },
        { id: 'mgr', type: 'subflow' as const, workflowKey: 'manager-approval', timeout: { after: 'P2D' } },
        { id: 'end', type: 'end' as const },
      ],
      edges: [
        { id: 'e1', source: 'start', target: 'mgr' },
        { id: 'e2', source: 'mgr', target: 'end', on: 'approved' },
        { id: 'e3', source: 'mgr', target: 'end', on: 'rejected' },
        { id: 'e4', source: 'mgr', target: 'end', on: 'timeout' },
      ],
    };
    const run = await simulate(trip, {}, []);
    expect(availableActions(trip, run.snapshot)).toEqual([
      { nodeId: 'mgr', outcome: 'approved' },
      { nodeId: 'mgr', outcome: 'rejected' },
      { nodeId: 'mgr', outcome: 'timeout' },
    ]);
    const after = await simulate(trip, {}, [{ nodeId: 'mgr', outcome: 'rejected' }]);
    expect(after.status).toBe('completed');
  });

  it('lights the path and explains the branch taken', async () => {
    const run = await simulate(def, { refundAmount: 6200 }, [
      { nodeId: 'review', outcome: 'completed' },
      { nodeId: 'finance', outcome: 'approved' },
    ]);
    const view = describeRun(def, run.path, run.transitions);
    expect(view.visitedNodes).toEqual(['start', 'review', 'amount', 'finance', 'done']);
    expect(view.takenEdges).toEqual(expect.arrayContaining(['e1', 'e2', 'e3', 'e5']));
    expect(view.takenEdges).not.toContain('e4');
    expect(view.log.map((l) => l.text).join('\n')).toMatch(/5,000/);
    expect(availableActions(def, run.snapshot)).toEqual([]);
  });

  it('takes the default edge for small refunds', async () => {
    const run = await simulate(def, { refundAmount: 100 }, [{ nodeId: 'review', outcome: 'completed' }]);
    const view = describeRun(def, run.path, run.transitions);
    expect(view.takenEdges).toContain('e4');
    expect(run.activeNodes).toEqual(['manager']);
  });
});
