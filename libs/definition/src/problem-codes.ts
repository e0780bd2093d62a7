import type { Severity } from './problem.types.js';

interface ProblemCodeInfo {
  severity: Severity;
  /** What the code means, for docs and UI tooltips. */
  summary: string;
}

/**
 * Every problem code `validateDefinition` can report, with its usual severity.
 * Codes are stable: clients switch on them. Add new codes; never rename or reuse one.
 * (`uncovered-outcome` is a warning instead of an error for an action's `failed`,
 * because the runtime raises an incident there anyway.)
 */
export const PROBLEM_CODES = {
  // size and shape, checked first
  'too-large': {
    severity: 'error',
    summary: 'More nodes, edges, bytes or nesting than a definition may have.',
  },
  'not-an-object': { severity: 'error', summary: 'The definition is not a JSON object.' },
  'unsupported-schema-version': { severity: 'error', summary: 'schemaVersion is not 1.' },
  'missing-property': { severity: 'error', summary: 'A required property is missing.' },
  'invalid-type': { severity: 'error', summary: 'A property has the wrong JSON type.' },
  'invalid-value': { severity: 'error', summary: 'A property has a value that is not allowed.' },
  'unknown-property': {
    severity: 'error',
    summary: 'A property the format does not know (extensions must start with `x-`).',
  },
  'invalid-key': { severity: 'error', summary: 'The workflow key is not a slug.' },
  'invalid-id': {
    severity: 'error',
    summary: 'A node or edge id has characters or a length that is not allowed.',
  },
  'duplicate-node-id': { severity: 'error', summary: 'Two nodes share an id.' },
  'duplicate-edge-id': { severity: 'error', summary: 'Two edges share an id.' },
  'invalid-field': { severity: 'error', summary: 'A field definition is malformed (name, options, bounds).' },
  'duplicate-field': { severity: 'error', summary: 'Two fields share a name.' },
  'unknown-node-type': { severity: 'error', summary: 'A node type that is not in the registry.' },
  'invalid-duration': {
    severity: 'error',
    summary: 'Not a positive ISO-8601 duration in weeks, days, hours, minutes or seconds.',
  },
  'invalid-assignee': {
    severity: 'error',
    summary:
      'A task assignee is not exactly one of { user }, { role, ... }, { group, ... } or { manager, ... }, or its filters or fallback are malformed.',
  },
  'invalid-approvers': {
    severity: 'error',
    summary:
      'Approval approvers are not exactly one of { role }, { users: [..] }, { field } (a users field), { group, ... } or { manager, ... }.',
  },
  'invalid-policy': { severity: 'error', summary: 'An approval policy that cannot be met or is malformed.' },
  'invalid-action': {
    severity: 'error',
    summary: 'An action spec that is malformed (type, url, method, recipient).',
  },
  'invalid-timer': {
    severity: 'error',
    summary: 'A timer without exactly one of after / until, or until not naming a date field.',
  },
  'invalid-join': { severity: 'error', summary: 'A join require.count below 1.' },
  // graph
  'missing-start': { severity: 'error', summary: 'No start node.' },
  'multiple-starts': { severity: 'error', summary: 'More than one start node.' },
  'missing-end': { severity: 'error', summary: 'No end node.' },
  'dangling-edge': { severity: 'error', summary: 'An edge whose source or target is not a node.' },
  'unreachable-node': { severity: 'error', summary: 'A node that no path from start reaches.' },
  'no-way-out': { severity: 'error', summary: 'A node other than an end with no outgoing edge.' },
  'cannot-reach-end': { severity: 'error', summary: 'A node from which no path leads to an end.' },
  'edge-into-start': { severity: 'error', summary: 'An edge that targets the start node.' },
  'edge-from-end': { severity: 'error', summary: 'An edge that leaves an end node.' },
  'plain-edge-count': {
    severity: 'error',
    summary: 'A start, join or timer without exactly one outgoing edge.',
  },
  'conflicting-edge-kinds': {
    severity: 'error',
    summary: 'An edge with more than one of on / condition / default.',
  },
  'edge-kind-mismatch': {
    severity: 'error',
    summary: 'An edge kind (on / condition / default / plain) its source node does not leave by.',
  },
  // outcomes and decisions
  'unknown-outcome': {
    severity: 'error',
    summary: 'An edge `on` that names an outcome its node does not have.',
  },
  'duplicate-outcome-edge': { severity: 'error', summary: 'Two edges leave one node by the same outcome.' },
  'uncovered-outcome': { severity: 'error', summary: 'An outcome of a node that no edge follows.' },
  'missing-default-edge': { severity: 'error', summary: 'A decision without a default edge.' },
  'multiple-default-edges': { severity: 'error', summary: 'A decision with more than one default edge.' },
  'missing-condition': {
    severity: 'error',
    summary: 'A decision edge that is neither a condition nor the default.',
  },
  'decision-without-conditions': {
    severity: 'warning',
    summary: 'A decision whose only edge is the default.',
  },
  'single-branch-parallel': {
    severity: 'warning',
    summary: 'A parallel split with fewer than two branches.',
  },
  // conditions
  'invalid-condition': {
    severity: 'error',
    summary: 'A condition that is not all / any / not / { fact, operator, value }.',
  },
  'unknown-field': { severity: 'error', summary: 'A reference to a field the definition does not declare.' },
  'unknown-operator': { severity: 'error', summary: 'An operator that is not in the catalogue.' },
  'operator-type-mismatch': {
    severity: 'error',
    summary: 'An operator that does not apply to the field type.',
  },
  'value-type-mismatch': { severity: 'error', summary: 'A value that does not fit the field type.' },
  'form-edits-decided-field': {
    severity: 'warning',
    summary: 'A step may edit a field that an earlier decision already branched on.',
  },
  'unknown-enum-value': { severity: 'error', summary: 'An enum value that is not among the field options.' },
  // numeric ranges on a decision
  'overlapping-conditions': {
    severity: 'warning',
    summary: 'Two condition edges of one decision match the same values; priority decides.',
  },
  'unreachable-condition': {
    severity: 'warning',
    summary: 'A condition edge that earlier edges always win over.',
  },
  'impossible-condition': { severity: 'warning', summary: 'A condition that no value can satisfy.' },
  'uncovered-range': {
    severity: 'warning',
    summary: 'Values of the decision field that no edge covers (and no default catches).',
  },
  // parallel blocks and loops
  'unmatched-parallel': {
    severity: 'error',
    summary:
      'A split whose branches meet at several joins, skip their join, or end without a join inside another split.',
  },
  'invalid-for-each': {
    severity: 'error',
    summary: 'A forEach that does not name a list field.',
  },
  'join-never-fires': {
    severity: 'error',
    summary: 'A join that waits for a branch which can only end before reaching it.',
  },
  'join-without-parallel': {
    severity: 'error',
    summary: 'A join (or one of its incoming edges) that is not part of a parallel block.',
  },
  'join-count-too-high': { severity: 'error', summary: 'A join requiring more branches than arrive.' },
  // sub-flows
  'invalid-subflow': {
    severity: 'error',
    summary: 'A sub-flow whose workflowKey, input / output mapping or outcomes list is malformed.',
  },
  'subflow-workflow-missing': {
    severity: 'error',
    summary: 'A sub-flow that does not name the workflow it calls yet.',
  },
  'subflow-calls-itself': { severity: 'error', summary: 'A sub-flow that calls the workflow it belongs to.' },
  'straight-through-loop': {
    severity: 'error',
    summary: 'A loop with no task, approval, timer or wait on it.',
  },
  'internal-error': { severity: 'error', summary: 'The validator failed on this input; please report it.' },
} as const satisfies Record<string, ProblemCodeInfo>;

export type ProblemCode = keyof typeof PROBLEM_CODES;
