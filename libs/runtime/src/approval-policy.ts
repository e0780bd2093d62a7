import type { ApprovalPolicy } from '@ticketflow/definition';
import type { Vote } from './runtime-book.types.js';

export interface Tally {
  approved: number;
  rejected: number;
  /** The step's result, or null while it is still open. */
  decision: 'approved' | 'rejected' | null;
}

/**
 * Applies an approval policy to the votes cast so far. `eligibleCount` is how
 * many people may decide the step (never less than the votes cast):
 * `any` — the first vote decides; `all` — one rejection rejects, all approve;
 * `quorum` — `count` approvals approve, rejected once unreachable; `percent`
 * — like quorum with `ceil(eligible * value / 100)`. Pure.
 */
export function tallyVotes(policy: ApprovalPolicy, votes: Vote[], eligibleCount: number): Tally {
  const approved = votes.filter((vote) => vote.decision === 'approved').length;
  const rejected = votes.length - approved;
  const eligible = Math.max(eligibleCount, votes.length, 1);
  const remaining = eligible - votes.length;
  const result = (decision: Tally['decision']): Tally => ({ approved, rejected, decision });
  switch (policy.type) {
    case 'any': {
      const last = votes[votes.length - 1];
      return result(last ? last.decision : null);
    }
    case 'all':
      if (rejected > 0) return result('rejected');
      return result(approved >= eligible ? 'approved' : null);
    case 'quorum':
    case 'percent': {
      const needed =
        policy.type === 'quorum'
          ? Math.max(1, Math.min(policy.count, eligible))
          : Math.max(1, Math.ceil((eligible * policy.value) / 100));
      if (approved >= needed) return result('approved');
      if (approved + remaining < needed) return result('rejected');
      return result(null);
    }
    default:
      return result(null);
  }
}
