import type { WorkflowDefinition, WorkflowEdge, WorkflowNode } from './definition.types.js';
import { nodeTypeInfo } from './node-types.js';
import { hasOpenOutcomes, optionalOutcomesOf, outcomesOf } from './outcomes.js';
import type { ProblemCode } from './problem-codes.js';

/**
 * How nodes may be connected: the one answer the Designer's canvas and the validator share
 * (docs/style.md rule 6). Exits come from the node type registry (`node-types.ts`); a refusal
 * is named with the problem code validation reports for the same edge.
 */

/** The exit id of a node left by plain edges (start, decision, parallel, join, timer). */
export const PLAIN_EXIT = 'out';

/** True when the node is left by named outcomes (`on` edges): task, approval, wait, action. Pure. */
export function leavesByOutcome(node: Pick<WorkflowNode, 'type'>): boolean {
  return nodeTypeInfo(node.type)?.exits === 'outcomes';
}

/** True when the node has exactly one way out, by one plain edge: start, join, timer. Pure. */
export function hasSingleExit(node: Pick<WorkflowNode, 'type'>): boolean {
  return nodeTypeInfo(node.type)?.exits === 'single';
}

/** The exits of a node: its outcome names, the one plain exit, or none for an end. Pure. */
export function exitsOf(node: WorkflowNode): string[] {
  const exits = nodeTypeInfo(node.type)?.exits;
  if (exits === undefined || exits === 'none') return [];
  return exits === 'outcomes' ? [...outcomesOf(node), ...optionalOutcomesOf(node)] : [PLAIN_EXIT];
}

/**
 * Why an edge between these two node types can never be valid, whatever else the graph holds:
 * out of an end (which has no exits), into a start. Used by the validator for every edge and by
 * `canConnect` for a new one. Pure.
 */
export function endpointRefusals(
  source: Pick<WorkflowNode, 'type'>,
  target: Pick<WorkflowNode, 'type'>,
): ('edge-from-end' | 'edge-into-start')[] {
  const refusals: ('edge-from-end' | 'edge-into-start')[] = [];
  if (nodeTypeInfo(source.type)?.exits === 'none') refusals.push('edge-from-end');
  if (target.type === 'start') refusals.push('edge-into-start');
  return refusals;
}

/** Why the Designer refuses a new edge: a validation problem code, or one of two canvas-only reasons. */
export type ConnectionRefusal =
  | Extract<
      ProblemCode,
      | 'dangling-edge'
      | 'edge-from-end'
      | 'edge-into-start'
      | 'unknown-outcome'
      | 'duplicate-outcome-edge'
      | 'plain-edge-count'
    >
  /** An edge from a node to itself: never useful to draw (a loop must pass a waiting step). */
  | 'self-loop'
  /** The same exit already leads to that target. */
  | 'duplicate-edge';

export interface ConnectionRequest {
  source: string;
  target: string;
  /** The exit: an outcome name, or `out` for a plain exit; defaults to the node's first exit. */
  exit?: string | null;
}

export type ConnectionVerdict =
  | { ok: true; source: WorkflowNode; target: WorkflowNode; on?: string }
  | { ok: false; code: ConnectionRefusal };

/**
 * May a new edge go from `source` by `exit` to `target` in this definition? Says which outcome
 * the edge follows (`on`) when the source leaves by outcomes, or names the refusal. Pure.
 */
export function canConnect(definition: WorkflowDefinition, request: ConnectionRequest): ConnectionVerdict {
  const source = definition.nodes.find((n) => n.id === request.source);
  const target = definition.nodes.find((n) => n.id === request.target);
  if (!source || !target) return { ok: false, code: 'dangling-edge' };
  if (source.id === target.id) return { ok: false, code: 'self-loop' };
  const [endpoint] = endpointRefusals(source, target);
  if (endpoint) return { ok: false, code: endpoint };

  const exits = exitsOf(source);
  const exit = request.exit ?? exits[0] ?? PLAIN_EXIT;
  // A sub-flow whose child's outcomes are not listed accepts any outcome word (publishing checks it).
  const openWord = hasOpenOutcomes(source) && /^[A-Za-z][A-Za-z0-9_-]{0,63}$/.test(exit);
  if (!exits.includes(exit) && !openWord) return { ok: false, code: 'unknown-outcome' };

  const outgoing = definition.edges.filter((e: WorkflowEdge) => e.source === source.id);
  if (outgoing.some((e) => e.target === target.id && (e.on ?? PLAIN_EXIT) === exit)) {
    return { ok: false, code: 'duplicate-edge' };
  }
  const byOutcome = leavesByOutcome(source);
  // Each outcome leads one way; start, join and timer have exactly one way out.
  if (byOutcome && outgoing.some((e) => e.on === exit)) return { ok: false, code: 'duplicate-outcome-edge' };
  if (hasSingleExit(source) && outgoing.length > 0) return { ok: false, code: 'plain-edge-count' };
  return byOutcome ? { ok: true, source, target, on: exit } : { ok: true, source, target };
}
