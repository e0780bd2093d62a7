import { describe, expect, it } from 'vitest';
import { tallyVotes } from './approval-policy.js';
import type { Vote } from './runtime-book.types.js';

const votes = (...decisions: ('approved' | 'rejected')[]): Vote[] =>
  decisions.map((decision, i) => ({ actor: `u${i}`, decision }));

describe('tallyVotes', () => {
  it('any: the first vote decides', () => {
    expect(tallyVotes({ type: 'any' }, votes('rejected'), 5).decision).toBe('rejected');
    expect(tallyVotes({ type: 'any' }, [], 5).decision).toBeNull();
  });

  it('all: one rejection rejects, every eligible approval approves', () => {
    expect(tallyVotes({ type: 'all' }, votes('approved', 'approved'), 3).decision).toBeNull();
    expect(tallyVotes({ type: 'all' }, votes('approved', 'approved', 'approved'), 3)).toEqual({
      approved: 3,
      rejected: 0,
      decision: 'approved',
    });
    expect(tallyVotes({ type: 'all' }, votes('approved', 'rejected'), 3).decision).toBe('rejected');
  });

  it('quorum: approves at the count and rejects once it cannot be reached', () => {
    expect(tallyVotes({ type: 'quorum', count: 2 }, votes('approved', 'approved'), 5).decision).toBe(
      'approved',
    );
    expect(
      tallyVotes({ type: 'quorum', count: 2 }, votes('rejected', 'rejected', 'rejected'), 5).decision,
    ).toBeNull();
    expect(
      tallyVotes({ type: 'quorum', count: 2 }, votes('rejected', 'rejected', 'rejected', 'rejected'), 5)
        .decision,
    ).toBe('rejected');
  });

  it('quorum larger than the eligible group needs everyone', () => {
    expect(tallyVotes({ type: 'quorum', count: 5 }, votes('approved', 'approved'), 2).decision).toBe(
      'approved',
    );
  });

  it('percent: rounds the needed approvals up', () => {
    expect(tallyVotes({ type: 'percent', value: 60 }, votes('approved', 'approved'), 4).decision).toBeNull();
    expect(
      tallyVotes({ type: 'percent', value: 60 }, votes('approved', 'approved', 'approved'), 4).decision,
    ).toBe('approved');
    expect(tallyVotes({ type: 'percent', value: 60 }, votes('rejected', 'rejected'), 4).decision).toBe(
      'rejected',
    );
  });
});
