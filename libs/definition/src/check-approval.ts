import type { ProblemSink } from './problem-sink.js';
import { expectKind, expectKnownKeys, inside, own, placeOf, type Where } from './structure-reader.js';

function checkApprovers(sink: ProblemSink, node: Record<string, unknown>, where: Where): number | undefined {
  if (!expectKind(sink, node, 'approvers', 'object', where, true)) return undefined;
  const approvers = node.approvers as Record<string, unknown>;
  const at = inside(where, 'approvers');
  const role = own(approvers, 'role');
  const users = own(approvers, 'users');
  if ((role === undefined) === (users === undefined)) {
    sink.add('invalid-approvers', `${where.subject} needs approvers: exactly one of a role ({ "role": "finance" }) or a list of users ({ "users": ["ann", "bob"] }).`, placeOf(at));
    return undefined;
  }
  if (role !== undefined) {
    expectKnownKeys(sink, approvers, ['role'], at);
    if (typeof role !== 'string' || role.trim() === '') sink.add('invalid-approvers', `${where.subject}: the approvers' role must be a non-empty name.`, placeOf(at, 'role'));
    return undefined;
  }
  expectKnownKeys(sink, approvers, ['users'], at);
  if (!Array.isArray(users) || users.length === 0 || users.some((user) => typeof user !== 'string' || user.trim() === '')) {
    sink.add('invalid-approvers', `${where.subject}: "approvers.users" must be a non-empty list of user names.`, placeOf(at, 'users'));
    return undefined;
  }
  if (new Set(users).size !== users.length) {
    sink.add('invalid-approvers', `${where.subject} lists the same approver twice; list each user once.`, placeOf(at, 'users'));
  }
  return new Set(users).size;
}

function checkPolicy(sink: ProblemSink, node: Record<string, unknown>, where: Where, userCount: number | undefined): void {
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
      sink.add('invalid-policy', `${where.subject}: a quorum needs "count", a whole number of approvals of at least 1.`, placeOf(at, 'count'));
    } else if (userCount !== undefined && (count as number) > userCount) {
      sink.add('invalid-policy', `${where.subject} needs ${String(count)} approvals but lists only ${userCount} approvers; lower the count or add approvers.`, { ...placeOf(at, 'count'), params: { count: Number(count), approvers: userCount } });
    }
  } else if (type === 'percent') {
    expectKnownKeys(sink, policy, ['type', 'value'], at);
    const value = own(policy, 'value');
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 1 || value > 100) {
      sink.add('invalid-policy', `${where.subject}: a percent policy needs "value" between 1 and 100.`, placeOf(at, 'value'));
    }
  } else {
    const shown = typeof type === 'string' ? `"${type.slice(0, 40)}"` : 'missing';
    sink.add('invalid-policy', `${where.subject}: the policy type is ${shown}; use any, all, quorum or percent.`, placeOf(at, 'type'));
  }
}

/**
 * Checks an approval's `approvers`, `policy` (quorum count ≥ 1 and not more than the listed
 * users; percent 1..100) and `allowRequester`. Pure apart from pushing into `sink`.
 */
export function checkApproval(sink: ProblemSink, node: Record<string, unknown>, where: Where): void {
  const userCount = checkApprovers(sink, node, where);
  checkPolicy(sink, node, where, userCount);
  expectKind(sink, node, 'allowRequester', 'boolean', where, false);
}
