import type { EntityManager } from 'typeorm';
import type {
  Approvers,
  Assignee,
  AssigneeFallback,
  ManagerAssignee,
  MemberFilter,
} from '@ticketflow/definition';
import { unprocessable } from '../common/errors/domain-error.js';
import {
  activeUserId,
  findMembers,
  managersAbove,
  previousApprover,
  takeTurn,
  type DirectoryMember,
  type MemberQuery,
} from './directory-lookup.js';
import { describeAssignment, type AssignmentNote, type Unmatched } from './assignment-note.js';

export interface Assignment {
  candidateRole: string | null;
  candidateUsers: string[];
  assigneeId: string | null;
  /** What the rule did, for the ticket's timeline; null for a plain role or a named user. */
  note: AssignmentNote | null;
  /** The fallback asked for an incident: nobody can be found without an admin. */
  incident: { code: string; message: string } | null;
}

/** Where the step is: the ticket it belongs to and who acted to get here. */
export interface AssignmentContext {
  manager: EntityManager;
  instanceId: string;
  workflowKey: string;
  nodeId: string;
  requesterId: string;
  fields: Record<string, unknown>;
  /** The person whose task action made this step (the previous approver), if it was one. */
  previousActorId: string | null;
}

type Found = { users: DirectoryMember[]; picked?: 'round-robin' | 'least-loaded' } | { unmatched: Unmatched };

const plain = (
  candidateRole: string | null,
  candidateUsers: string[],
  assigneeId: string | null,
): Assignment => ({
  candidateRole,
  candidateUsers,
  assigneeId,
  note: null,
  incident: null,
});

/**
 * Who a new task goes to: a named user; a role (everyone in it may claim); a
 * role or group narrowed by skills and region (fixed, or the ticket's own from
 * `regionField`) and, for a strategy, one member picked — round-robin (per
 * workflow and node) or least-loaded; or the requester's or previous
 * approver's manager, `levels` up. When nobody is found the definition's
 * fallback decides, and the note says so. Reads the directory; a round-robin
 * pick also records its turn (same transaction).
 */
export async function assignTask(context: AssignmentContext, assignee: Assignee): Promise<Assignment> {
  if ('user' in assignee) return plain(null, [], await namedUser(context.manager, assignee.user));
  if ('manager' in assignee) {
    const found = await managerOf(context, assignee, false);
    if ('unmatched' in found) return fallBack(context, assignee, null, found.unmatched);
    const person = found.users[0] as DirectoryMember;
    return noted(context, assignee, plain(null, [], person.id), [person.username]);
  }
  const role = 'role' in assignee ? assignee.role : null;
  const hasFilter = Boolean(assignee.skills?.length || assignee.region !== undefined || assignee.regionField);
  if (role !== null && !assignee.strategy && !hasFilter) return plain(role, [], null);
  const found = await members(
    context,
    assignee,
    role,
    assignee.strategy ?? (role !== null ? 'round-robin' : undefined),
  );
  if ('unmatched' in found) return fallBack(context, assignee, role, found.unmatched);
  const users = found.users;
  if (found.picked) {
    const person = users[0] as DirectoryMember;
    return noted(context, assignee, plain(role, [], person.id), [person.username], found.picked);
  }
  return noted(
    context,
    assignee,
    plain(
      null,
      users.map((user) => user.id),
      null,
    ),
    users.map((user) => user.username),
  );
}

/** Candidates of an approval: a role, named users, a group's members (in a region), or a manager. Same fallback rules. */
export async function approvalCandidates(
  context: AssignmentContext,
  approvers: Exclude<Approvers, { field: string }>,
  allowRequester: boolean,
): Promise<Assignment> {
  if ('role' in approvers) return plain(approvers.role, [], null);
  if ('users' in approvers) {
    const rows = (await context.manager.query('SELECT id FROM users WHERE username = ANY($1) AND active', [
      approvers.users,
    ])) as { id: string }[];
    return plain(
      null,
      rows.map((row) => row.id),
      null,
    );
  }
  const found =
    'manager' in approvers
      ? await managerOf(context, approvers, !allowRequester)
      : await members(context, approvers, null, undefined, !allowRequester);
  if ('unmatched' in found) return fallBack(context, approvers, null, found.unmatched);
  const users = found.users;
  return noted(
    context,
    approvers,
    plain(
      null,
      users.map((user) => user.id),
      null,
    ),
    users.map((user) => user.username),
  );
}

async function members(
  context: AssignmentContext,
  rule: MemberFilter & { group?: string },
  role: string | null,
  strategy: 'round-robin' | 'least-loaded' | undefined,
  excludeRequester = false,
): Promise<Found> {
  let region: string | null = rule.region ?? null;
  if (rule.regionField) {
    const value = context.fields[rule.regionField];
    if (typeof value !== 'string' || value.trim() === '')
      return { unmatched: { reason: 'no-region', field: rule.regionField } };
    region = value;
  }
  const query: MemberQuery = { role, group: rule.group ?? null, skills: rule.skills ?? [], region };
  const unmatched: Found = {
    unmatched: { reason: 'no-match', role, group: query.group, skills: query.skills, region },
  };
  if (strategy === 'round-robin') {
    const person = await takeTurn(
      context.manager,
      { workflowKey: context.workflowKey, nodeId: context.nodeId },
      query,
    );
    return person ? { users: [person], picked: strategy } : unmatched;
  }
  let users = await findMembers(context.manager, query);
  if (excludeRequester) users = users.filter((user) => user.id !== context.requesterId);
  if (users.length === 0) return unmatched;
  if (strategy === 'least-loaded')
    return {
      users: [users.reduce((best, user) => (user.openTasks < best.openTasks ? user : best))],
      picked: strategy,
    };
  return { users };
}

async function managerOf(
  context: AssignmentContext,
  rule: ManagerAssignee,
  excludeRequester: boolean,
): Promise<Found> {
  const levels = rule.levels ?? 1;
  const baseId =
    rule.manager === 'requester'
      ? context.requesterId
      : (context.previousActorId ?? (await previousApprover(context.manager, context.instanceId)));
  if (baseId === null) return { unmatched: { reason: 'no-previous-approver' } };
  const chain = await managersAbove(context.manager, baseId);
  const person = chain.managers[levels - 1];
  if (!person) return { unmatched: { reason: 'no-manager', of: chain.person ?? '?', levels } };
  if (excludeRequester && person.id === context.requesterId)
    return { unmatched: { reason: 'is-requester', of: chain.person ?? '?', levels } };
  return { users: [person] };
}

function noted(
  context: AssignmentContext,
  rule: Assignee | Approvers,
  assignment: Assignment,
  usernames: string[],
  strategy?: string,
): Assignment {
  return { ...assignment, note: describeAssignment(context.nodeId, rule, { usernames, strategy }) };
}

/** Nobody matched: the definition's fallback, else the whole role, else an incident. */
async function fallBack(
  context: AssignmentContext,
  rule: Assignee | Approvers,
  role: string | null,
  unmatched: Unmatched,
): Promise<Assignment> {
  const fallback: AssigneeFallback | undefined = 'fallback' in rule ? rule.fallback : undefined;
  const describe = (to: AssignmentNote['fallback']) =>
    describeAssignment(context.nodeId, rule, { unmatched, fallback: to });
  if (fallback && 'role' in fallback) {
    return { ...plain(fallback.role, [], null), note: describe({ to: 'role', name: fallback.role }) };
  }
  if (fallback && 'user' in fallback) {
    const id = await activeUserId(context.manager, fallback.user);
    if (id !== null) return { ...plain(null, [], id), note: describe({ to: 'user', name: fallback.user }) };
  }
  if (!fallback && role !== null)
    return { ...plain(role, [], null), note: describe({ to: 'whole-role', name: role }) };
  const note = describe({ to: 'incident', name: 'admin' });
  return {
    ...plain('admin', [], null),
    note,
    incident: { code: 'assignee-not-found', message: note.text },
  };
}

async function namedUser(manager: EntityManager, username: string): Promise<string> {
  const id = await activeUserId(manager, username);
  if (id === null)
    throw unprocessable(
      'assignee-unknown',
      `The step is assigned to user "${username}", who does not exist or is inactive.`,
    );
  return id;
}
