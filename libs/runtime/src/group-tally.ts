import type { ApprovalGroup } from '@ticketflow/definition';
import type { Tally } from './approval-policy.js';
import type { Vote } from './runtime-book.types.js';
import type { GroupTally } from './runtime.types.js';

/** A composite tally: the usual counts plus, per group, the approvals counted for it. */
export interface GroupsTally extends Tally {
  groups: GroupTally[];
}

/**
 * Assigns approving voters to group seats (each group has `count` seats, a
 * voter takes at most one seat, and only in a group whose role they hold) so
 * that as many seats as possible are filled: a maximum bipartite matching by
 * augmenting paths. Small inputs (people deciding one step). Pure.
 */
function fillSeats(groups: readonly ApprovalGroup[], voters: readonly string[][]): number[] {
  const seatGroup = groups.flatMap((group, index) => Array.from({ length: group.count }, () => index));
  const holder: (number | null)[] = seatGroup.map(() => null);
  const tryVoter = (voter: number, seen: Set<number>): boolean => {
    for (const [seat, groupIndex] of seatGroup.entries()) {
      if (seen.has(seat) || !(voters[voter] ?? []).includes(groups[groupIndex]?.role ?? '')) continue;
      seen.add(seat);
      const current = holder[seat];
      if (current === null || current === undefined || tryVoter(current, seen)) {
        holder[seat] = voter;
        return true;
      }
    }
    return false;
  };
  voters.forEach((_, voter) => tryVoter(voter, new Set()));
  return groups.map(
    (_, index) => seatGroup.filter((group, seat) => group === index && holder[seat] !== null).length,
  );
}

/**
 * Tallies a composite (`groups`) policy: approved once every group has its
 * count, each approver counted for one group only even when they hold several
 * of the roles (separation of duties across the whole step); rejected once
 * that is out of reach — some group cannot reach its count with the members
 * who have not decided yet, or all groups together cannot. `eligibleByRole`
 * says how many people hold each role; for a role it does not name (a
 * simulation), a rejection by a member of that group rejects. Pure.
 */
export function tallyGroups(
  groups: readonly ApprovalGroup[],
  votes: readonly Vote[],
  eligibleByRole: Record<string, number> = {},
): GroupsTally {
  const approvals = votes.filter((vote) => vote.decision === 'approved');
  const filled = fillSeats(
    groups,
    approvals.map((vote) => vote.roles ?? []),
  );
  const counted = groups.map((group, index) => ({
    role: group.role,
    count: group.count,
    approved: filled[index] ?? 0,
  }));
  const base = { approved: approvals.length, rejected: votes.length - approvals.length, groups: counted };
  const seats = groups.reduce((sum, group) => sum + group.count, 0);
  const taken = filled.reduce((sum, n) => sum + n, 0);
  if (taken >= seats) return { ...base, decision: 'approved' };
  let spare = 0;
  for (const group of groups) {
    const decided = votes.filter((vote) => (vote.roles ?? []).includes(group.role));
    const approving = decided.filter((vote) => vote.decision === 'approved').length;
    const eligible = eligibleByRole[group.role];
    if (eligible === undefined) {
      // Nobody said how many hold the role (a simulation): a rejection inside the group rejects.
      if (approving < decided.length) return { ...base, decision: 'rejected' };
      spare += group.count;
      continue;
    }
    const undecided = Math.max(0, eligible - decided.length);
    if (approving + undecided < group.count) return { ...base, decision: 'rejected' };
    spare += undecided;
  }
  return { ...base, decision: taken + spare < seats ? 'rejected' : null };
}
