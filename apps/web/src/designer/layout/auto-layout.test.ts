import { describe, expect, it } from 'vitest';
import { refundApproval } from '../../test/fixtures';
import { computeLayout } from './auto-layout';

describe('computeLayout', () => {
  it('places every node, left to right along the flow', () => {
    const def = refundApproval();
    const positions = computeLayout(def);
    expect([...positions.keys()].sort()).toEqual(def.nodes.map((n) => n.id).sort());
    const x = (id: string) => positions.get(id)!.x;
    expect(x('start')).toBeLessThan(x('review'));
    expect(x('review')).toBeLessThan(x('amount'));
    expect(x('amount')).toBeLessThan(x('done'));
  });

  it('does not stack nodes on top of each other', () => {
    const positions = [...computeLayout(refundApproval()).values()].map((p) => `${p.x},${p.y}`);
    expect(new Set(positions).size).toBe(positions.length);
  });
});
