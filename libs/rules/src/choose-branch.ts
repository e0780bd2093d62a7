import type { Condition, FieldDefinition, FieldValues, WorkflowEdge } from '@ticketflow/definition';
import { describeCondition } from './describe-condition.js';
import { evaluateCondition } from './evaluate-condition.js';
import type { DescribeLocale } from './operators.js';

/** Why a branch was taken; structurally the runtime's `TransitionDetail` variants. */
export type BranchDetail =
  | { kind: 'condition'; edgeId: string; condition: Condition; text: string; values: FieldValues }
  | { kind: 'default'; edgeId: string; text: string };

export interface BranchChoice {
  edge: WorkflowEdge;
  detail: BranchDetail;
}

const OTHERWISE: Record<DescribeLocale, string> = { en: 'otherwise', zh: '其他情况' };

/**
 * Picks a decision's outgoing edge for the given fields: condition edges in
 * `priority` order (lower first; edges without a priority after those with
 * one; ties keep array order), then the `default` edge. Returns `null` when no
 * condition holds and there is no default. Edges that are neither condition
 * nor default edges are ignored. Pure apart from the rules engine cache.
 */
export async function chooseBranch(
  edges: WorkflowEdge[],
  fields: FieldValues,
  fieldDefs: FieldDefinition[],
  locale: DescribeLocale = 'en',
): Promise<BranchChoice | null> {
  const conditional = edges
    .map((edge, index) => ({ edge, index }))
    .filter(({ edge }) => edge.condition !== undefined)
    .sort((a, b) => rank(a.edge) - rank(b.edge) || a.index - b.index);
  for (const { edge } of conditional) {
    const condition = edge.condition as Condition;
    const result = await evaluateCondition(condition, fields);
    if (result.matched) {
      return {
        edge,
        detail: {
          kind: 'condition',
          edgeId: edge.id,
          condition,
          text: describeCondition(condition, fieldDefs, locale),
          values: result.values,
        },
      };
    }
  }
  const fallback = edges.find((edge) => edge.default === true);
  if (!fallback) return null;
  return {
    edge: fallback,
    detail: { kind: 'default', edgeId: fallback.id, text: fallback.label ?? OTHERWISE[locale] },
  };
}

function rank(edge: WorkflowEdge): number {
  return edge.priority ?? Number.POSITIVE_INFINITY;
}
