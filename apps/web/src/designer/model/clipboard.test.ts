import { describe, expect, it } from 'vitest';
import { refundApproval } from '../../test/fixtures';
import { copySelection, prepareForPaste } from './clipboard';

describe('clipboard', () => {
  const def = refundApproval();

  it('copies selected nodes and only the edges between them', () => {
    const copied = copySelection(def, { nodeIds: ['finance', 'done'], edgeIds: [] })!;
    expect(copied.nodes.map((n) => n.id)).toEqual(['finance', 'done']);
    expect(copied.edges.map((e) => e.id)).toEqual(['e5']);
  });

  it('copies nothing without selected nodes', () => {
    expect(copySelection(def, { nodeIds: [], edgeIds: ['e1'] })).toBeNull();
  });

  it('pastes with fresh ids, shifted positions and re-pointed edges, never a second start', () => {
    const copied = copySelection(def, { nodeIds: ['start', 'finance', 'done'], edgeIds: [] })!;
    const pasted = prepareForPaste(def, copied);
    expect(pasted.nodes.map((n) => n.id)).toEqual(['approval-1', 'end-1']);
    expect(pasted.nodes[0]!.position).toEqual({
      x: def.nodes.find((n) => n.id === 'finance')!.position!.x + 40,
      y: def.nodes.find((n) => n.id === 'finance')!.position!.y + 40,
    });
    expect(pasted.edges).toEqual([
      { ...def.edges.find((e) => e.id === 'e5'), id: 'e-1', source: 'approval-1', target: 'end-1' },
    ]);
  });
});
