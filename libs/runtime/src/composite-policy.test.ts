import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateDefinition } from '@ticketflow/definition';
import { tallyGroups } from './group-tally.js';
import type { Vote } from './runtime-book.types.js';
import { defineWorkflow, edge, node } from './testing/define-workflow.js';
import { InstanceDriver } from './testing/instance-driver.js';
import { simulate } from './simulate-workflow.js';

const groups = [
  { role: 'finance', count: 2 },
  { role: 'legal', count: 1 },
];

/** "2 of finance and 1 of legal" decide the purchase. */
const purchase = defineWorkflow(
  [
    node('start', 'start'),
    node('approve', 'approval', { policy: { type: 'groups', groups } }),
    node('end', 'end'),
    node('no', 'end', { outcome: 'rejected' }),
  ],
  [
    edge('start', 'approve'),
    edge('approve', 'end', { on: 'approved' }),
    edge('approve', 'no', { on: 'rejected' }),
  ],
);

const vote = (actor: string, roles: string[], decision: Vote['decision'] = 'approved'): Vote => ({
  actor,
  decision,
  roles,
});

describe('composite approval policy (groups)', () => {
  it('is a valid definition without approvers', () => {
    expect(validateDefinition(purchase).problems).toEqual([]);
  });

  it('approves once two of finance and one of legal approved', async () => {
    const d = await InstanceDriver.start(purchase);
    const decide = (actor: string, roles: string[]) =>
      d.send({
        type: 'approval.decide',
        taskKey: d.taskKey('approve'),
        decision: 'approved',
        actor: { id: actor },
        eligibleCount: 5,
        actorRoles: roles,
        eligibleByRole: { finance: 3, legal: 2 },
      });
    await decide('fin1', ['finance']);
    await decide('legal1', ['legal']);
    expect(d.status).toBe('active');
    const last = d.transitions.at(-1);
    expect(last?.detail).toMatchObject({
      kind: 'vote',
      groups: [
        { role: 'finance', count: 2, approved: 1 },
        { role: 'legal', count: 1, approved: 1 },
      ],
    });
    await decide('fin2', ['finance']);
    expect(d.status).toBe('completed');
    expect(d.snapshot.outcome).toBe('resolved');
  });

  it('counts a person who belongs to both groups once, for one group only', async () => {
    const d = await InstanceDriver.start(purchase);
    const decide = (actor: string, roles: string[]) =>
      d.send({
        type: 'approval.decide',
        taskKey: d.taskKey('approve'),
        decision: 'approved',
        actor: { id: actor },
        eligibleCount: 4,
        actorRoles: roles,
        eligibleByRole: { finance: 3, legal: 2 },
      });
    await decide('alice', ['finance', 'legal']);
    await decide('fin2', ['finance']);
    // alice fills either finance or legal, never both: one seat is still empty.
    expect(d.status).toBe('active');
    await expect(decide('alice', ['finance', 'legal'])).rejects.toMatchObject({ code: 'already-decided' });
    await decide('fin3', ['finance']);
    // fin2 + fin3 take finance, so alice moves to legal: every seat is filled.
    expect(d.status).toBe('completed');
  });

  it('rejects once a group can no longer reach its count, and when a dual-role person is all a group has', () => {
    expect(tallyGroups(groups, [vote('l1', ['legal'], 'rejected')], { finance: 3, legal: 1 }).decision).toBe(
      'rejected',
    );
    expect(
      tallyGroups(groups, [vote('l1', ['legal'], 'rejected')], { finance: 3, legal: 2 }).decision,
    ).toBeNull();
    // alice is the only one in legal and one of two in finance: 2 + 1 seats, 2 people.
    expect(
      tallyGroups(groups, [vote('alice', ['finance', 'legal'])], { finance: 2, legal: 1 }).decision,
    ).toBe('rejected');
    // Without head counts (a simulation) a rejection inside a group rejects, approvals never do.
    expect(tallyGroups(groups, [vote('alice', ['finance', 'legal'])]).decision).toBeNull();
    expect(tallyGroups(groups, [vote('f1', ['finance'], 'rejected')]).decision).toBe('rejected');
  });

  it('refuses a vote from someone in none of the groups', async () => {
    const d = await InstanceDriver.start(purchase);
    await expect(
      d.send({
        type: 'approval.decide',
        taskKey: d.taskKey('approve'),
        decision: 'approved',
        actor: { id: 'ops' },
        eligibleCount: 1,
        actorRoles: ['ops'],
      }),
    ).rejects.toMatchObject({ code: 'not-in-group' });
  });

  it('simulates with the roles of each approver', async () => {
    const result = await simulate(purchase, {}, [
      { nodeId: 'approve', outcome: 'approved', actor: 'alice', roles: ['finance', 'legal'] },
      { nodeId: 'approve', outcome: 'approved', actor: 'bob', roles: ['finance'] },
      { nodeId: 'approve', outcome: 'approved', actor: 'carol', roles: ['finance'] },
    ]);
    expect(result.error).toBeUndefined();
    expect(result.status).toBe('completed');
  });

  it('property: approves exactly when a seat assignment exists, never counting a person twice', () => {
    const people = fc.array(fc.subarray(['finance', 'legal'], { minLength: 1 }), {
      minLength: 0,
      maxLength: 6,
    });
    fc.assert(
      fc.property(people, (roleSets) => {
        const votes = roleSets.map((roles, i) => vote(`p${i}`, roles));
        const tally = tallyGroups(groups, votes, { finance: 10, legal: 10 });
        const legal = roleSets.filter((roles) => roles.includes('legal')).length;
        // Brute force: some voter takes legal, two others take finance.
        const possible = roleSets.some(
          (roles, i) =>
            roles.includes('legal') &&
            roleSets.filter((other, j) => j !== i && other.includes('finance')).length >= 2,
        );
        expect(tally.decision === 'approved').toBe(possible);
        const seated = tally.groups.reduce((sum, group) => sum + group.approved, 0);
        expect(seated).toBeLessThanOrEqual(votes.length);
        expect(tally.groups[1]?.approved).toBeLessThanOrEqual(Math.min(1, legal));
      }),
      { numRuns: 300 },
    );
  });
});
