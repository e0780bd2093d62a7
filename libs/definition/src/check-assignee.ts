import type { DefinitionGraph } from './definition-graph.js';
import type { WorkflowNode } from './definition.types.js';
import { describeNode } from './node-types.js';
import type { ProblemCode } from './problem-codes.js';
import type { ProblemSink } from './problem-sink.js';
import {
  expectKind,
  expectKnownKeys,
  expectOneOf,
  expectStringList,
  inside,
  isRecord,
  own,
  placeOf,
  type Where,
} from './structure-reader.js';

/** The ways to name who a step goes to; a task or approval uses exactly one. */
const TASK_KINDS = ['user', 'role', 'group', 'manager'] as const;
const MANAGER_OF = ['requester', 'previous-approver'];
const MAX_LEVELS = 10;

type Code = Extract<ProblemCode, 'invalid-assignee' | 'invalid-approvers'>;

function checkName(
  sink: ProblemSink,
  record: Record<string, unknown>,
  key: string,
  at: Where,
  code: Code,
): void {
  const value = own(record, key);
  if (typeof value !== 'string' || value.trim() === '')
    sink.add(code, `${at.subject}: "${key}" must be a non-empty name.`, placeOf(at, key));
}

function checkFallback(sink: ProblemSink, record: Record<string, unknown>, at: Where, code: Code): void {
  if (!expectKind(sink, record, 'fallback', 'object', at, false)) return;
  const fallback = record.fallback as Record<string, unknown>;
  const where = inside(at, 'fallback');
  const kinds = ['role', 'user', 'incident'].filter((key) => own(fallback, key) !== undefined);
  if (kinds.length !== 1) {
    sink.add(
      code,
      `${at.subject}: "fallback" must be exactly one of { "role": "..." }, { "user": "..." } or { "incident": true }.`,
      placeOf(where),
    );
    return;
  }
  const kind = kinds[0] as string;
  expectKnownKeys(sink, fallback, [kind], where);
  if (kind === 'incident') {
    if (fallback.incident !== true)
      sink.add(code, `${at.subject}: the fallback "incident" must be true.`, placeOf(where, 'incident'));
  } else checkName(sink, fallback, kind, where, code);
}

function checkMembers(sink: ProblemSink, record: Record<string, unknown>, at: Where, code: Code): void {
  expectStringList(sink, record, 'skills', at, { required: false, min: 0 });
  expectKind(sink, record, 'region', 'string', at, false);
  expectKind(sink, record, 'regionField', 'string', at, false);
  if (own(record, 'region') !== undefined && own(record, 'regionField') !== undefined)
    sink.add(
      code,
      `${at.subject}: use "region" (a fixed region) or "regionField" (the ticket's region), not both.`,
      placeOf(at, 'regionField'),
    );
  checkFallback(sink, record, at, code);
}

function checkManager(sink: ProblemSink, record: Record<string, unknown>, at: Where, code: Code): void {
  expectKnownKeys(sink, record, ['manager', 'levels', 'fallback'], at);
  expectOneOf(sink, record, 'manager', MANAGER_OF, at);
  if (expectKind(sink, record, 'levels', 'integer', at, false)) {
    const levels = record.levels as number;
    if (levels < 1 || levels > MAX_LEVELS)
      sink.add(
        code,
        `${at.subject}: "levels" is ${levels}; it counts steps up the reporting line, from 1 (the direct manager) to ${MAX_LEVELS}.`,
        placeOf(at, 'levels'),
      );
  }
  checkFallback(sink, record, at, code);
}

/**
 * Checks a task's `assignee`: exactly one of `user`, `role` (strategy,
 * skills, region or regionField, fallback), `group` (the same) or `manager`
 * (`requester` / `previous-approver`, `levels`, fallback). Pure apart from
 * pushing into `sink`.
 */
export function checkTaskAssignee(sink: ProblemSink, node: Record<string, unknown>, where: Where): void {
  if (!expectKind(sink, node, 'assignee', 'object', where, true)) return;
  const assignee = node.assignee as Record<string, unknown>;
  const at = inside(where, 'assignee');
  const kinds = TASK_KINDS.filter((key) => own(assignee, key) !== undefined);
  if (kinds.length !== 1) {
    sink.add(
      'invalid-assignee',
      `${where.subject} must be assigned to exactly one of a user ({ "user": "..." }), a role ({ "role": "..." }), a group ({ "group": "..." }) or a manager ({ "manager": "requester" }).`,
      placeOf(at),
    );
    return;
  }
  const kind = kinds[0] as (typeof TASK_KINDS)[number];
  if (kind === 'manager') return checkManager(sink, assignee, at, 'invalid-assignee');
  checkName(sink, assignee, kind, at, 'invalid-assignee');
  if (kind === 'user') return expectKnownKeys(sink, assignee, ['user'], at);
  expectKnownKeys(sink, assignee, [kind, 'strategy', 'skills', 'region', 'regionField', 'fallback'], at);
  expectOneOf(sink, assignee, 'strategy', ['round-robin', 'least-loaded'], at);
  checkMembers(sink, assignee, at, 'invalid-assignee');
}

/**
 * Checks approvers drawn from the organisation directory — `{ group, ...
 * }` or `{ manager, ... }`. Returns false when `approvers` is neither (the
 * caller checks roles and user lists). Pure apart from pushing into `sink`.
 */
export function checkDirectoryApprovers(
  sink: ProblemSink,
  approvers: Record<string, unknown>,
  at: Where,
): boolean {
  if (own(approvers, 'manager') !== undefined) {
    checkManager(sink, approvers, at, 'invalid-approvers');
    return true;
  }
  if (own(approvers, 'group') === undefined) return false;
  expectKnownKeys(sink, approvers, ['group', 'skills', 'region', 'regionField', 'fallback'], at);
  checkName(sink, approvers, 'group', at, 'invalid-approvers');
  checkMembers(sink, approvers, at, 'invalid-approvers');
  return true;
}

function whoOf(node: WorkflowNode): Record<string, unknown> | undefined {
  const who = node.type === 'task' ? node.assignee : node.type === 'approval' ? node.approvers : undefined;
  return isRecord(who) ? who : undefined;
}

/**
 * Cross-references of assignees: a `regionField` must be a declared `string`
 * or `enum` field; "manager of the previous approver" needs a task or
 * approval before it. Pure apart from pushing into `sink`.
 */
export function checkAssigneeReferences(sink: ProblemSink, graph: DefinitionGraph): void {
  for (const node of graph.nodes) {
    const who = whoOf(node);
    if (!who) continue;
    const place = node.type === 'task' ? 'assignee' : 'approvers';
    const regionField = own(who, 'regionField');
    if (typeof regionField === 'string') {
      const field = graph.fields.get(regionField);
      if (field === undefined)
        sink.add(
          'unknown-field',
          `${describeNode(node)} takes the region from the field "${regionField.slice(0, 60)}", but the workflow does not declare it; declare it or pick another.`,
          { nodeId: node.id, field: `${place}.regionField` },
        );
      else if (field.type !== 'string' && field.type !== 'enum')
        sink.add(
          node.type === 'task' ? 'invalid-assignee' : 'invalid-approvers',
          `${describeNode(node)} takes the region from "${field.name}", a ${field.type} field; use a string or enum field.`,
          { nodeId: node.id, field: `${place}.regionField` },
        );
    }
    if (own(who, 'manager') === 'previous-approver' && !hasStepBefore(graph, node.id))
      sink.add(
        node.type === 'task' ? 'invalid-assignee' : 'invalid-approvers',
        `${describeNode(node)} goes to the manager of the previous approver, but no task or approval comes before it.`,
        { nodeId: node.id, field: `${place}.manager` },
      );
  }
}

/** Whether a task or approval can run before `nodeId` (walking edges backwards). */
function hasStepBefore(graph: DefinitionGraph, nodeId: string): boolean {
  const seen = new Set<string>([nodeId]);
  const queue = [nodeId];
  while (queue.length > 0) {
    const at = queue.shift() as string;
    for (const edge of graph.incoming.get(at) ?? []) {
      if (seen.has(edge.source)) continue;
      const type = graph.nodeById.get(edge.source)?.type;
      if (type === 'task' || type === 'approval') return true;
      seen.add(edge.source);
      queue.push(edge.source);
    }
  }
  return false;
}
