import { describe, expect, it } from 'vitest';
import { refundApproval } from '../../test/fixtures';
import { freeSpot } from './placement';

describe('freeSpot', () => {
  const def = refundApproval();

  it('keeps a wanted place that overlaps nothing', () => {
    expect(freeSpot(def, { x: 0, y: 600 }, { width: 200, height: 80 })).toEqual({ x: 0, y: 600 });
  });

  it('moves a node that would land on another one below it', () => {
    const review = def.nodes.find((n) => n.id === 'review')!.position!;
    const spot = freeSpot(def, review, { width: 200, height: 80 });
    expect(spot.x).toBe(review.x);
    expect(spot.y).toBeGreaterThanOrEqual(review.y + 80);
  });
});
