import { describe, expect, it } from 'vitest';
import {
  ALL_NUMBERS,
  formatInterval,
  intersect,
  intervalOf,
  isEmpty,
  uncovered,
  type NumericInterval,
} from './numeric-interval.js';

const of = (operator: string, value: number): NumericInterval =>
  intervalOf(operator, value) as NumericInterval;

describe('numeric intervals', () => {
  it('builds intervals from comparisons and none from other operators', () => {
    expect(of('greaterThan', 5)).toEqual({ lo: 5, loOpen: true, hi: Infinity, hiOpen: true });
    expect(of('equal', 5)).toEqual({ lo: 5, loOpen: false, hi: 5, hiOpen: false });
    expect(intervalOf('in', 5)).toBeNull();
  });

  it('intersects to empty when ranges touch only at an open end', () => {
    expect(isEmpty(intersect(of('greaterThan', 5), of('lessThanInclusive', 5)))).toBe(true);
    expect(isEmpty(intersect(of('greaterThanInclusive', 5), of('lessThanInclusive', 5)))).toBe(false);
  });

  it('finds no gap when ranges cover every number', () => {
    expect(uncovered([of('greaterThan', 5), of('lessThanInclusive', 5)], ALL_NUMBERS)).toEqual([]);
  });

  it('finds a single missing value and an unbounded tail', () => {
    const gaps = uncovered([of('lessThan', 5), { lo: 5, loOpen: true, hi: 10, hiOpen: false }], ALL_NUMBERS);
    expect(gaps.map((gap) => formatInterval('x', gap))).toEqual(['x = 5', 'x > 10']);
  });

  it('reports the whole domain as uncovered when nothing covers it', () => {
    expect(uncovered([], ALL_NUMBERS).map((gap) => formatInterval('x', gap))).toEqual(['any x']);
  });
});
