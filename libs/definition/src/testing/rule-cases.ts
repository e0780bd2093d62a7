// Test-only: table-driven tests for validation rules, one definition that triggers a rule and
// one that does not.
import { describe, expect, it } from 'vitest';
import type { ProblemCode } from '../problem-codes.js';
import type { Severity } from '../problem.types.js';
import { validateDefinition } from '../validate-definition.js';

export interface RuleCase {
  /** What the definition does wrong, as a test name: "a decision has two default edges". */
  when: string;
  code: ProblemCode;
  trigger: () => unknown;
  /** The same situation, fixed. Must be fully valid unless `passIsOnlyFreeOf` is set. */
  pass: () => unknown;
  severity?: Severity;
  /** Where the problem must point. */
  nodeId?: string;
  edgeId?: string;
  /** The fixed definition may still have other problems; only this code must be gone. */
  passIsOnlyFreeOf?: boolean;
}

/** Registers two tests per case: the trigger reports the code, the fix does not. */
export function testRules(cases: RuleCase[]): void {
  for (const rule of cases) {
    describe(rule.when, () => {
      it(`reports ${rule.code}`, () => {
        const result = validateDefinition(rule.trigger());
        const found = result.problems.filter((problem) => problem.code === rule.code);
        expect(found, JSON.stringify(result.problems, null, 1)).not.toHaveLength(0);
        const [first] = found;
        expect(first?.severity).toBe(rule.severity ?? 'error');
        expect(first?.message.length).toBeGreaterThan(20);
        if (rule.nodeId !== undefined) expect(found.map((problem) => problem.nodeId)).toContain(rule.nodeId);
        if (rule.edgeId !== undefined) expect(found.map((problem) => problem.edgeId)).toContain(rule.edgeId);
        if ((rule.severity ?? 'error') === 'error') expect(result.valid).toBe(false);
      });
      it(`does not report ${rule.code} once fixed`, () => {
        const result = validateDefinition(rule.pass());
        expect(result.problems.map((problem) => problem.code)).not.toContain(rule.code);
        if (rule.passIsOnlyFreeOf !== true)
          expect(result.problems, JSON.stringify(result.problems, null, 1)).toEqual([]);
      });
    });
  }
}
