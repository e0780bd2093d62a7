import { checkDirectoryApprovers } from './check-assignee.js';
import type { ProblemSink } from './problem-sink.js';
import {
  expectKind,
  expectKnownKeys,
  inside,
  isRecord,
  own,
  placeOf,
  type Where,
} from './structure-reader.js';

function checkApprovers(
  sink: ProblemSink,
  node: Record<string, unknown>,
  where: Where,
  groups: boolean,
): number | undefined {
  if (groups) {
    if (own(node, 'approvers') !== undefined) {
      sink.add(
        'invalid-approvers',
        `${where.subject} has a "groups" policy, whose groups name who may approve; remove "approvers".`,
        placeOf(where, 'approvers'),
      );
    }
    return undefined;
  }
  if (!expectKind(sink, node, 'approvers', 'object', where, true)) return undefined;
  const approvers = node.approvers as Record<string, unknown>;
  const at = inside(where, 'approvers');
  if (checkDirectoryApprovers(sink, approvers, at)) return undefined;
  const role = own(approvers, 'role');
  const users = own(approvers, 'users');
  const field = own(approvers, 'field');
  if ([role, users, field].filter((value) => value !== undefined).length !== 1) {
    sink.add(
      'invalid-approvers',
      `${where.subject} needs approvers: exactly one of a role ({ "role": "finance" }), a list of users ({ "users": ["ann", "bob"] }), a users field ({ "field": "costCentreOwners" }), a group ({ "group": "store-owners" }) or a manager ({ "manager": "requester" }).`,
      placeOf(at),
    );
    return undefined;
  }
  if (field !== undefined) {
    expectKnownKeys(sink, approvers, ['field'], at);
    if (typeof field !== 'string' || field.trim() === '')
      sink.add(
        'invalid-approvers',
        `${where.subject}: "approvers.field" must name a users field.`,
        placeOf(at, 'field'),
      );
    return undefined;
  }
  if (role !== undefined) {
    expectKnownKeys(sink, approvers, ['role'], at);
    if (typeof role !== 'string' || role.trim() === '')
      sink.add(
        'invalid-approvers',
        `${where.subject}: the approvers' role must be a non-empty name.`,
        placeOf(at, 'role'),
      );
    return undefined;
  }
  expectKnownKeys(sink, approvers, ['users'], at);
  if (
    !Array.isArray(users) ||
    users.length === 0 ||
    users.some((user) => typeof user !== 'string' || user.trim() === '')
  ) {
    sink.add(
      'invalid-approvers',
      `${where.subject}: "approvers.users" must be a non-empty list of user names.`,
      placeOf(at, 'users'),
    );
    return undefined;
  }
  if (new Set(users).size !== users.length) {
    sink.add(
      'invalid-approvers',
      `${where.subject} lists the same approver twice; list each user once.`,
      placeOf(at, 'users'),
    );
  }
  return new Set(users).size;
}

function checkGroups(sink: ProblemSink, policy: Record<string, unknown>, where: Where): void {
  expectKnownKeys(sink, policy, ['type', 'groups'], where);
  const groups = own(policy, 'groups');
  if (!Array.isArray(groups) || groups.length === 0) {
    sink.add(
      'invalid-policy',
      `${where.subject}: a "groups" policy needs "groups", a non-empty list such as [{ "role": "finance", "count": 2 }, { "role": "legal", "count": 1 }].`,
      placeOf(where, 'groups'),
    );
    return;
  }
  const roles = new Set<string>();
  groups.forEach((group: unknown, index) => {
    const at = inside(inside(where, 'groups'), String(index));
    if (!isRecord(group)) {
      sink.add(
        'invalid-policy',
        `${where.subject}: group ${index + 1} must be an object { "role", "count" }.`,
        placeOf(at),
      );
      return;
    }
    expectKnownKeys(sink, group, ['role', 'count'], at);
    const role = own(group, 'role');
    const count = own(group, 'count');
    if (typeof role !== 'string' || role.trim() === '') {
      sink.add(
        'invalid-policy',
        `${where.subject}: group ${index + 1} needs "role", the role whose members approve.`,
        placeOf(at, 'role'),
      );
    } else if (roles.has(role)) {
      sink.add(
        'invalid-policy',
        `${where.subject} names the role "${role.slice(0, 40)}" in two groups; add their counts in one group.`,
        placeOf(at, 'role'),
      );
    } else roles.add(role);
    if (!Number.isSafeInteger(count) || (count as number) < 1) {
      sink.add(
        'invalid-policy',
        `${where.subject}: group ${index + 1} needs "count", a whole number of approvals of at least 1.`,
        placeOf(at, 'count'),
      );
    }
  });
}

export function checkPolicy(
  sink: ProblemSink,
  node: Record<string, unknown>,
  where: Where,
  userCount: number | undefined,
): void {
  if (!expectKind(sink, node, 'policy', 'object', where, false)) return;
  const policy = node.policy as Record<string, unknown>;
  const at = inside(where, 'policy');
  const type = own(policy, 'type');
  if (type === 'any' || type === 'all') {
    expectKnownKeys(sink, policy, ['type'], at);
  } else if (type === 'quorum') {
    expectKnownKeys(sink, policy, ['type', 'count'], at);
    const count = own(policy, 'count');
    if (!Number.isSafeInteger(count) || (count as number) < 1) {
      sink.add(
        'invalid-policy',
        `${where.subject}: a quorum needs "count", a whole number of approvals of at least 1.`,
        placeOf(at, 'count'),
      );
    } else if (userCount !== undefined && (count as number) > userCount) {
      sink.add(
        'invalid-policy',
        `${where.subject} needs ${String(count)} approvals but lists only ${userCount} approvers; lower the count or add approvers.`,
        { ...placeOf(at, 'count'), params: { count: Number(count), approvers: userCount } },
      );
    }
  } else if (type === 'percent') {
    expectKnownKeys(sink, policy, ['type', 'value'], at);
    const value = own(policy, 'value');
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 1 || value > 100) {
      sink.add(
        'invalid-policy',
        `${where.subject}: a percent policy needs "value" between 1 and 100.`,
        placeOf(at, 'value'),
      );
    }
  } else if (type === 'groups') {
    checkGroups(sink, policy, at);
  } else {
    const shown = typeof type === 'string' ? `"${type.slice(0, 40)}"` : 'missing';
    sink.add(
      'invalid-policy',
      `${where.subject}: the policy type is ${shown}; use any, all, quorum, percent or groups.`,
      placeOf(at, 'type'),
    );
  }
}

/**
 * Checks an approval's `approvers`, `policy` (quorum count ≥ 1 and not more than the listed
 * users; percent 1..100; groups: roles named once, counts ≥ 1, and then no `approvers`, since
 * the groups name who may approve) and `allowRequester`. Pure apart from pushing into `sink`.
 */
export function checkApproval(sink: ProblemSink, node: Record<string, unknown>, where: Where): void {
  const policy = own(node, 'policy');
  const groups = isRecord(policy) && own(policy, 'type') === 'groups';
  const userCount = checkApprovers(sink, node, where, groups);
  checkPolicy(sink, node, where, userCount);
  expectKind(sink, node, 'allowRequester', 'boolean', where, false);
}
