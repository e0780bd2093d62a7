import { describe, expect, it } from 'vitest';
import { refundApproval } from '../../test/fixtures';
import { appendNode, insertOnEdge } from './build-commands';
import { branchesOf, chooseOtherwise, reorderBranches } from './branch-commands';

describe('one-gesture building commands', () => {
  const def = refundApproval();

  it('node.append adds the node and the edge from the exit in one undoable step', () => {
    const cmd = appendNode(
      def,
      { id: 'wait-1', type: 'wait', message: 'docs' },
      { source: 'review', exit: 'completed' },
    );
    expect(cmd.type).toBe('node.append');
    const after = cmd.do(def);
    expect(after.nodes.at(-1)?.id).toBe('wait-1');
    expect(after.edges.at(-1)).toMatchObject({ source: 'review', target: 'wait-1', on: 'completed' });
    expect(cmd.undo(after)).toEqual(def);
  });

  it('node.append from a decision draws a plain branch with no default', () => {
    const after = appendNode(def, { id: 'end-1', type: 'end' }, { source: 'amount', exit: 'out' }).do(def);
    expect(after.edges.at(-1)).toEqual({ id: expect.any(String), source: 'amount', target: 'end-1' });
  });

  it('node.insert puts a new node on an edge, keeping the edge and its condition, and undoes exactly', () => {
    const cmd = insertOnEdge(def, 'e3', { id: 'task-1', type: 'task', assignee: { role: 'agent' } }, true)!;
    const after = cmd.do(def);
    expect(after.edges.find((e) => e.id === 'e3')).toMatchObject({
      source: 'amount',
      target: 'task-1',
      condition: def.edges[2]!.condition,
    });
    expect(after.edges.at(-1)).toMatchObject({ source: 'task-1', target: 'finance', on: 'completed' });
    expect(cmd.undo(after)).toEqual(def);
  });

  it('node.insert refuses an end node (nothing leaves it)', () => {
    expect(insertOnEdge(def, 'e1', { id: 'end-1', type: 'end' }, true)).toBeNull();
  });
});

describe('branch commands', () => {
  const def = refundApproval();

  it('branches.otherwise moves the otherwise to another branch: never two, never one by accident', () => {
    const after = chooseOtherwise(def, 'amount', 'e3').do(def);
    const branches = after.edges.filter((e) => e.source === 'amount');
    expect(branches.filter((e) => e.default).map((e) => e.id)).toEqual(['e3']);
    expect(after.edges.find((e) => e.id === 'e3')?.condition).toBeUndefined();
    expect(after.edges.find((e) => e.id === 'e4')).toMatchObject({ condition: { all: [] } });
    expect(chooseOtherwise(def, 'amount', 'e3').undo(after)).toEqual(def);
  });

  it('branches.reorder writes priorities in the new order; the otherwise stays last', () => {
    const two = appendNode(def, { id: 'end-1', type: 'end' }, { source: 'amount', exit: 'out' }).do(def);
    const newEdge = two.edges.at(-1)!.id;
    const after = reorderBranches(two, 'amount', [newEdge, 'e3']).do(two);
    expect(branchesOf(after, 'amount').map((e) => e.id)).toEqual([newEdge, 'e3', 'e4']);
  });
});
