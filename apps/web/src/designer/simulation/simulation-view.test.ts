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
