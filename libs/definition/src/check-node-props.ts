import type { NodeType } from './definition.types.js';
import { checkActionSpec } from './check-action.js';
import { checkApproval, checkPolicy } from './check-approval.js';
import { checkTaskAssignee } from './check-assignee.js';
import { checkSubflowProps } from './check-subflow.js';
import { explainDurationProblem } from './iso-duration.js';
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

const BASE_KEYS = ['id', 'type', 'name', 'description', 'position'];
const PROPS: Record<NodeType, string[]> = {
  start: [],
  end: ['outcome'],
  task: ['assignee', 'outcomes', 'form', 'timeout', 'forEach', 'policy'],
  approval: ['approvers', 'policy', 'allowRequester', 'form', 'timeout', 'forEach'],
  decision: [],
  parallel: [],
  inclusive: [],
  join: ['require'],
  timer: ['after', 'until', 'businessHours'],
  wait: ['message', 'timeout'],
  subflow: ['workflowKey', 'input', 'output', 'outcomes', 'timeout'],
  action: ['action'],
};

/** Outcome words and message names: they appear in URLs and event names. */
export const WORD_PATTERN = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;

/** Checks a duration property, reporting `invalid-duration` with the reason. */
export function expectDuration(
  sink: ProblemSink,
  record: Record<string, unknown>,
  key: string,
  where: Where,
  required: boolean,
): void {
  if (!expectKind(sink, record, key, 'string', where, required)) return;
  const reason = explainDurationProblem(record[key]);
  if (reason === null) return;
  const place = placeOf(where, key);
  sink.add(
    'invalid-duration',
    `${where.subject}: "${place.field}" ${JSON.stringify((record[key] as string).slice(0, 40))} ${reason}.`,
    place,
  );
}

/** Checks `timeout: { after, businessHours? }` (plus `autoDecision` on approvals). */
export function checkTimeout(
  sink: ProblemSink,
  node: Record<string, unknown>,
  where: Where,
  withAutoDecision: boolean,
): void {
  if (!expectKind(sink, node, 'timeout', 'object', where, false)) return;
  const timeout = node.timeout as Record<string, unknown>;
  const at = inside(where, 'timeout');
  expectKnownKeys(
    sink,
    timeout,
    withAutoDecision ? ['after', 'businessHours', 'autoDecision'] : ['after', 'businessHours'],
    at,
  );
  expectDuration(sink, timeout, 'after', at, true);
  expectKind(sink, timeout, 'businessHours', 'boolean', at, false);
  if (withAutoDecision) expectOneOf(sink, timeout, 'autoDecision', ['approved', 'rejected'], at);
}

function checkTaskOutcomes(sink: ProblemSink, node: Record<string, unknown>, where: Where): void {
  const outcomes = expectStringList(sink, node, 'outcomes', where, { required: false, min: 1 });
  if (outcomes === undefined) return;
  const seen = new Set<string>();
  for (const outcome of outcomes) {
    const place = placeOf(where, 'outcomes');
    if (!WORD_PATTERN.test(outcome)) {
      sink.add(
        'invalid-value',
        `${where.subject}: the outcome "${outcome.slice(0, 40)}" must be one word (letters, digits, "_", "-").`,
        place,
      );
    } else if (outcome === 'timeout') {
      sink.add(
        'invalid-value',
        `${where.subject}: "timeout" is reserved for the task's timeout; name the outcome differently.`,
        place,
      );
    } else if (seen.has(outcome)) {
      sink.add('invalid-value', `${where.subject} lists the outcome "${outcome}" twice.`, place);
    }
    seen.add(outcome);
  }
}

function checkForm(
  sink: ProblemSink,
  node: Record<string, unknown>,
  where: Where,
  legacyAllowed: boolean,
): void {
  const form = own(node, 'form');
  if (form === undefined) return;
  if (legacyAllowed && Array.isArray(form)) {
    checkFormEntries(sink, form, inside(where, 'form'), true);
    return;
  }
  if (!expectKind(sink, node, 'form', 'object', where, false)) return;
  const at = inside(where, 'form');
  expectKnownKeys(sink, form as Record<string, unknown>, ['fields', 'attachments'], at);
  if (expectKind(sink, form as Record<string, unknown>, 'fields', 'array', at, true)) {
    checkFormEntries(sink, (form as { fields: unknown[] }).fields, inside(at, 'fields'), false);
  }
  if (expectKind(sink, form as Record<string, unknown>, 'attachments', 'object', at, false)) {
    const rule = (form as { attachments: Record<string, unknown> }).attachments;
    const ruleAt = inside(at, 'attachments');
    expectKnownKeys(sink, rule, ['required', 'note'], ruleAt);
    expectKind(sink, rule, 'required', 'boolean', ruleAt, false);
    expectKind(sink, rule, 'note', 'string', ruleAt, false);
  }
}

function checkFormEntries(sink: ProblemSink, entries: unknown[], where: Where, legacy: boolean): void {
  const seen = new Set<string>();
  entries.forEach((entry, index) => {
    const at = inside(where, String(index));
    if (!isRecord(entry)) {
      sink.add(
        'invalid-type',
        `${where.subject}: form entry ${index + 1} must be an object { "field": "..." }.`,
        placeOf(at),
      );
      return;
    }
    expectKnownKeys(sink, entry, legacy ? ['field', 'required'] : ['field', 'mode', 'required', 'note'], at);
    if (expectKind(sink, entry, 'field', 'string', at, true)) {
      const name = entry.field as string;
      if (seen.has(name))
        sink.add(
          'invalid-value',
          `${where.subject}: the form lists the field "${name.slice(0, 60)}" twice.`,
          placeOf(at, 'field'),
        );
      seen.add(name);
    }
    expectKind(sink, entry, 'required', 'boolean', at, false);
    if (!legacy) {
      if (entry.mode === undefined)
        sink.add(
          'missing-property',
          `${where.subject}: form entry ${index + 1} needs "mode": "read" or "edit".`,
          placeOf(at, 'mode'),
        );
      expectOneOf(sink, entry, 'mode', ['read', 'edit'], at);
      expectKind(sink, entry, 'note', 'string', at, false);
      if (entry.required === true && entry.mode === 'read') {
        sink.add(
          'invalid-value',
          `${where.subject}: "${String(entry.field).slice(0, 60)}" is read-only, so it cannot be required; make it editable or drop "required".`,
          placeOf(at, 'required'),
        );
      }
    }
  });
}

function checkForEachShape(sink: ProblemSink, node: Record<string, unknown>, where: Where): void {
  if (expectKind(sink, node, 'forEach', 'string', where, false) && (node.forEach as string).trim() === '') {
    sink.add(
      'invalid-for-each',
      `${where.subject}: "forEach" must name a list field.`,
      placeOf(where, 'forEach'),
    );
  }
}

function checkTimer(sink: ProblemSink, node: Record<string, unknown>, where: Where): void {
  const hasAfter = own(node, 'after') !== undefined;
  const hasUntil = own(node, 'until') !== undefined;
  if (hasAfter === hasUntil) {
    sink.add(
      'invalid-timer',
      `${where.subject} needs exactly one of "after" (a duration such as "PT4H") or "until" (a date field)${hasAfter ? ', not both' : ''}.`,
      placeOf(where, hasAfter ? 'until' : 'after'),
    );
  }
  expectDuration(sink, node, 'after', where, false);
  expectKind(sink, node, 'until', 'string', where, false);
  expectKind(sink, node, 'businessHours', 'boolean', where, false);
}

/**
 * Checks the properties of a node of a known `type`: which keys it may have and each
 * one's shape. Cross-references (field names, outcomes, edges) are checked later on the
 * graph. Pure apart from pushing into `sink`.
 */
export function checkNodeProps(
  sink: ProblemSink,
  node: Record<string, unknown>,
  type: NodeType,
  where: Where,
): void {
  expectKnownKeys(sink, node, [...BASE_KEYS, ...PROPS[type]], where);
  switch (type) {
    case 'end':
      if (
        expectKind(sink, node, 'outcome', 'string', where, false) &&
        !WORD_PATTERN.test(node.outcome as string)
      ) {
        sink.add(
          'invalid-value',
          `${where.subject}: the outcome "${(node.outcome as string).slice(0, 40)}" must be one word such as resolved, rejected or cancelled.`,
          placeOf(where, 'outcome'),
        );
      }
      return;
    case 'task':
      checkTaskAssignee(sink, node, where);
      checkTaskOutcomes(sink, node, where);
      checkForm(sink, node, where, true);
      checkTimeout(sink, node, where, false);
      checkForEachShape(sink, node, where);
      if (own(node, 'policy') !== undefined && own(node, 'forEach') === undefined) {
        sink.add(
          'invalid-policy',
          `${where.subject}: only a task that runs once per item ("forEach") has a completion policy; add "forEach" or remove "policy".`,
          placeOf(where, 'policy'),
        );
      } else if (
        isRecord(own(node, 'policy')) &&
        own(node.policy as Record<string, unknown>, 'type') === 'groups'
      ) {
        sink.add(
          'invalid-policy',
          `${where.subject}: a task's completion policy is any, all, quorum or percent; "groups" is for approvals.`,
          placeOf(inside(where, 'policy'), 'type'),
        );
      } else checkPolicy(sink, node, where, undefined);
      return;
    case 'approval':
      checkApproval(sink, node, where);
      checkForEachShape(sink, node, where);
      if (
        own(node, 'forEach') !== undefined &&
        isRecord(own(node, 'policy')) &&
        own(node.policy as Record<string, unknown>, 'type') === 'groups'
      ) {
        sink.add(
          'invalid-policy',
          `${where.subject} runs once per item, each item decided by one approver; a "groups" policy cannot be combined with "forEach".`,
          placeOf(inside(where, 'policy'), 'type'),
        );
      }
      checkForm(sink, node, where, false);
      checkTimeout(sink, node, where, true);
      return;
    case 'join':
      if (expectKind(sink, node, 'require', 'object', where, false)) {
        const require = node.require as Record<string, unknown>;
        const at = inside(where, 'require');
        expectKnownKeys(sink, require, ['count'], at);
        if (expectKind(sink, require, 'count', 'integer', at, true) && (require.count as number) < 1) {
          sink.add(
            'invalid-join',
            `${where.subject}: "require.count" is ${String(require.count)}; it must be at least 1.`,
            placeOf(at, 'count'),
          );
        }
      }
      return;
    case 'timer':
      checkTimer(sink, node, where);
      return;
    case 'wait':
      if (
        expectKind(sink, node, 'message', 'string', where, true) &&
        !WORD_PATTERN.test(node.message as string)
      ) {
        sink.add(
          'invalid-value',
          `${where.subject}: the message name "${(node.message as string).slice(0, 40)}" must be one word (letters, digits, "_", "-"); it becomes part of a URL.`,
          placeOf(where, 'message'),
        );
      }
      checkTimeout(sink, node, where, false);
      return;
    case 'subflow':
      checkSubflowProps(sink, node, where);
      return;
    case 'action':
      checkActionSpec(sink, node, where);
      return;
    default:
      return;
  }
}
