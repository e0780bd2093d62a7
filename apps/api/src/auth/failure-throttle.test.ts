import { describe, expect, it } from 'vitest';
import { delaySeconds } from './failure-throttle.js';

describe('delaySeconds', () => {
  it('doubles the wait per failure past the free ones and stops at the cap', () => {
    expect([1, 2, 3, 4, 5].map((over) => delaySeconds(over, 60))).toEqual([1, 2, 4, 8, 16]);
    expect(delaySeconds(7, 60)).toBe(60);
    expect(delaySeconds(500, 900)).toBe(900);
  });
});
