import { describe, expect, it } from 'vitest';
import { fitRoute, midpointOf, roundedPath } from './edge-routes';

describe('edge routes', () => {
  const route = {
    points: [
      { x: 100, y: 50 },
      { x: 130, y: 50 },
      { x: 130, y: 120 },
      { x: 200, y: 120 },
    ],
  };

  it('uses a route whose ends meet the handles, snapping the ends onto them', () => {
    const points = fitRoute(route, { x: 106, y: 50.5 }, { x: 195, y: 120 });
    expect(points).toEqual([
      { x: 106, y: 50.5 },
      { x: 130, y: 50.5 },
      { x: 130, y: 120 },
      { x: 195, y: 120 },
    ]);
  });

  it('drops a route once a node has moved away from where the layout put it', () => {
    expect(fitRoute(route, { x: 100, y: 90 }, { x: 200, y: 120 })).toBeNull();
  });

  it('rounds corners without leaving the orthogonal legs', () => {
    expect(roundedPath(route.points, 8)).toBe(
      'M 100 50 L 122 50 Q 130 50 130 58 L 130 112 Q 130 120 138 120 L 200 120',
    );
  });

  it('finds the middle of a polyline along its length', () => {
    expect(midpointOf(route.points)).toEqual({ x: 130, y: 105 });
  });
});
