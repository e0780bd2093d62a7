import { describeCondition, evaluateCondition } from '@ticketflow/rules';
import type { Placement } from '@ticketflow/compiler';
import type { Condition, WorkflowEdge } from '@ticketflow/definition';
import type { TransitionDetail } from './runtime.types.js';
import type { Session } from './step-session.js';

interface BranchVerdict {
  edge: WorkflowEdge;
  detail: TransitionDetail | null;
  /** Why a skipped branch was skipped. */
  reason?: string;
}

/**
 * Opens an inclusive split whose branches wait at their gates: evaluates every
 * condition once, against the same field values, takes each branch whose
 * condition holds (the default branch when none does) and skips the others,
 * recording for each branch why. A join after the split then waits for exactly
 * the branches taken (the skipped ones rest in a final state). Raises an
 * incident when nothing holds and there is no default. Mutates only the session.
 */
export async function openInclusive(session: Session, gate: Placement): Promise<boolean> {
  const splitId = gate.nodeId;
  const info = session.compiled.nodes[splitId];
  const gates = session.active().filter((p) => p.kind === 'gate' && p.blockPath === gate.blockPath);
  if (!info) return false;
  let verdicts: BranchVerdict[];
  try {
    verdicts = await judgeBranches(session, info.outgoing);
  } catch (error) {
    session.incident(
      'condition-error',
      `Evaluating "${splitId}" failed: ${(error as Error).message}`,
      splitId,
    );
    return false;
  }
  if (!verdicts.some((verdict) => verdict.detail !== null)) {
    session.incident(
      'no-branch-matched',
      `No condition of inclusive split "${splitId}" holds and it has no default edge.`,
      splitId,
    );
    return false;
  }
  let moved = false;
  for (const placement of gates) {
    const verdict = verdicts[placement.branch ?? -1];
    if (!verdict || session.status !== 'active') continue;
    if (verdict.detail !== null) {
      moved = session.take(verdict.edge, placement.path, 'auto', verdict.detail) || moved;
    } else {
      session.record('auto', splitId, splitId, {
        kind: 'note',
        text: `branch to "${verdict.edge.target}" not taken: ${verdict.reason ?? 'its condition does not hold'}`,
      });
      moved = session.send({ type: 'skip', nodeId: splitId, path: placement.path }, 'auto') || moved;
    }
  }
  return moved;
}

async function judgeBranches(session: Session, edges: WorkflowEdge[]): Promise<BranchVerdict[]> {
  const fieldDefs = session.compiled.definition.fields;
  const verdicts: BranchVerdict[] = [];
  for (const edge of edges) {
    if (edge.condition === undefined) {
      verdicts.push({ edge, detail: null, reason: "another branch's condition holds" });
      continue;
    }
    const condition = edge.condition as Condition;
    const result = await evaluateCondition(condition, session.fields);
    const text = describeCondition(condition, fieldDefs, 'en');
    verdicts.push(
      result.matched
        ? { edge, detail: { kind: 'condition', edgeId: edge.id, condition, text, values: result.values } }
        : { edge, detail: null, reason: `${text} does not hold` },
    );
  }
  if (!verdicts.some((verdict) => verdict.detail !== null)) {
    const fallback = verdicts.find((verdict) => verdict.edge.default === true);
    if (fallback)
      fallback.detail = {
        kind: 'default',
        edgeId: fallback.edge.id,
        text: fallback.edge.label ?? 'otherwise (no condition holds)',
      };
  }
  return verdicts;
}
