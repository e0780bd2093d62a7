import { describe, expect, it } from 'vitest';
import { orderDecisionEdges } from './decision-order.js';

describe('orderDecisionEdges', () => {
  it('tries prioritised edges first, lowest first, then the rest in list order, the default last', () => {
    const edges = [
      { id: 'default', source: 'd', target: 'x', default: true },
      { id: 'plain1', source: 'd', target: 'x', condition: { all: [] } },
      { id: 'p2', source: 'd', target: 'x', priority: 2, condition: { all: [] } },
      { id: 'plain2', source: 'd', target: 'x', condition: { all: [] } },
      { id: 'p1', source: 'd', target: 'x', priority: 1, condition: { all: [] } },
    ];
    expect(orderDecisionEdges(edges).map((edge) => edge.id)).toEqual([
      'p1',
      'p2',
      'plain1',
      'plain2',
      'default',
    ]);
  });
});
