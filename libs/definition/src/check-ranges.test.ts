import { describe, expect, it } from 'vitest';
import type { Condition, WorkflowEdge } from './definition.types.js';
import { compare, definition, edge, node, withCode } from './testing/definition-builders.js';
import { testRules } from './testing/rule-cases.js';
import { validateDefinition } from './validate-definition.js';

const gt = (value: number) => compare('amount', 'greaterThan', value);
const gte = (value: number) => compare('amount', 'greaterThanInclusive', value);
const lt = (value: number) => compare('amount', 'lessThan', value);
const lte = (value: number) => compare('amount', 'lessThanInclusive', value);
const within = (...parts: Condition[]): Condition => ({ all: parts });

/** A decision with one edge per condition (to ends a, b, c...) and optionally a default. */
function decide(
  conditions: Condition[],
  withDefault = true,
  amountBounds: { min?: number; max?: number } = {},
): () => unknown {
  return () => {
    const targets = conditions.map((_, index) => `end${index}`);
    const edges: WorkflowEdge[] = conditions.map((condition, index) =>
      edge('d', `end${index}`, { id: `c${index}`, condition }),
    );
    if (withDefault) edges.push(edge('d', 'other', { default: true }));
    return definition(
      [
        node.start(),
        node.decision('d', { name: 'Refund amount?' }),
        ...targets.map((id) => node.end(id)),
        node.end('other'),
      ],
      [edge('start', 'd'), ...edges],
      [{ name: 'amount', type: 'number', ...amountBounds }],
    );
  };
}

// Without a default edge a decision is also missing-default-edge (an error), so the fixed
// versions of the uncovered-range cases are only free of uncovered-range.
testRules([
  {
    when: 'two conditions on one decision overlap',
    code: 'overlapping-conditions',
    severity: 'warning',
    edgeId: 'c1',
    trigger: decide([gt(5000), gte(4000)]),
    pass: decide([gt(5000), within(gte(4000), lte(5000))]),
  },
  {
    when: 'a later condition is inside an earlier one',
    code: 'unreachable-condition',
    severity: 'warning',
    edgeId: 'c1',
    trigger: decide([gt(1000), gt(5000)]),
    pass: decide([gt(5000), gt(1000)]),
    passIsOnlyFreeOf: true,
  },
  {
    when: 'a later condition is covered by two earlier ones together',
    code: 'unreachable-condition',
    severity: 'warning',
    trigger: decide([lt(100), gte(100), compare('amount', 'equal', 7)]),
    pass: decide([lt(100), gte(100)], false),
    passIsOnlyFreeOf: true,
  },
  {
    when: 'a condition can never hold',
    code: 'impossible-condition',
    severity: 'warning',
    trigger: decide([within(gt(5000), lt(1000))]),
    pass: decide([within(gt(1000), lt(5000))]),
  },
  {
    when: 'conditions leave a gap and there is no default',
    code: 'uncovered-range',
    severity: 'warning',
    nodeId: 'd',
    trigger: decide([gt(5000), lt(1000)], false),
    pass: decide([gt(5000), lte(5000)], false),
    passIsOnlyFreeOf: true,
  },
  {
    when: 'conditions leave a single value uncovered',
    code: 'uncovered-range',
    severity: 'warning',
    trigger: decide([gt(5000), lt(5000)], false),
    pass: decide([gt(5000), lt(5000)], true),
  },
  {
    when: 'conditions cover the field bounds but not below them',
    code: 'uncovered-range',
    severity: 'warning',
    trigger: decide([gte(0)], false, {}),
    pass: decide([gte(0)], false, { min: 0 }),
    passIsOnlyFreeOf: true,
  },
]);

describe('range analysis', () => {
  it('names the overlapping range and both edges in the warning', () => {
    const result = validateDefinition(decide([gt(5000), gte(4000)])());
    const [problem] = withCode(result, 'overlapping-conditions');
    expect(problem?.message).toContain('amount > 5000');
    expect(problem?.message).toContain('amount >= 4000');
    expect(problem?.message).toContain('Decision "Refund amount?"');
  });

  it('names the gaps when there is no default', () => {
    const [problem] = withCode(validateDefinition(decide([gt(5000), lt(1000)], false)()), 'uncovered-range');
    expect(problem?.message).toContain('1000 <= amount <= 5000');
  });

  it('follows priority, not list order, when deciding which edge is unreachable', () => {
    const build = decide([gt(5000), gt(1000)]) as () => { edges: WorkflowEdge[] };
    const flipped = build();
    for (const candidate of flipped.edges) if (candidate.id === 'c1') candidate.priority = 1;
    for (const candidate of flipped.edges) if (candidate.id === 'c0') candidate.priority = 2;
    expect(
      withCode(validateDefinition(flipped), 'unreachable-condition').map((problem) => problem.edgeId),
    ).toEqual(['c0']);
  });

  it('leaves decisions on several fields or with any / not alone', () => {
    const anyCondition: Condition = { any: [gt(5000), lt(10)] };
    const result = validateDefinition(decide([anyCondition, gt(6000)], false)());
    expect(
      result.problems.filter(
        (problem) => problem.code.endsWith('-range') || problem.code.endsWith('-conditions'),
      ),
    ).toEqual([]);
  });
});
