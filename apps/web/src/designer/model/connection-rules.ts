import type { WorkflowDefinition, WorkflowEdge } from '@ticketflow/definition';
import { exitsOf, leavesByOutcome, nextId, PLAIN_HANDLE } from './node-catalog';

export interface ConnectionRequest {
  source: string;
  target: string;
  /** The source handle: an outcome name, or `out` for a plain exit. */
  sourceHandle?: string | null;
}

export type ConnectionRefusal =
  'unknown-node' | 'self-loop' | 'from-end' | 'into-start' | 'unknown-exit' | 'exit-taken' | 'duplicate';

export type ConnectionVerdict = { ok: true; edge: WorkflowEdge } | { ok: false; reason: ConnectionRefusal };

/**
 * The one place that answers "may these connect?" (docs/style.md rule 6). Returns the
 * edge to add (with `on` set from the outcome handle) or why not; the reasons match
 * the validator's graph checks. Pure.
 */
export function canConnect(definition: WorkflowDefinition, request: ConnectionRequest): ConnectionVerdict {
  const source = definition.nodes.find((n) => n.id === request.source);
  const target = definition.nodes.find((n) => n.id === request.target);
  if (!source || !target) return { ok: false, reason: 'unknown-node' };
  if (source.id === target.id) return { ok: false, reason: 'self-loop' };
  if (source.type === 'end') return { ok: false, reason: 'from-end' };
  if (target.type === 'start') return { ok: false, reason: 'into-start' };

  const exits = exitsOf(source);
  const handle = request.sourceHandle ?? exits[0] ?? PLAIN_HANDLE;
  if (!exits.includes(handle)) return { ok: false, reason: 'unknown-exit' };

  const outgoing = definition.edges.filter((e) => e.source === source.id);
  if (outgoing.some((e) => e.target === target.id && (e.on ?? PLAIN_HANDLE) === handle)) {
    return { ok: false, reason: 'duplicate' };
  }
  const byOutcome = leavesByOutcome(source);
  // Each outcome leads one way; start, join and timer have exactly one way out.
  const singleExit =
    byOutcome || source.type === 'start' || source.type === 'join' || source.type === 'timer';
  if (singleExit && outgoing.some((e) => (byOutcome ? e.on === handle : true))) {
    return { ok: false, reason: 'exit-taken' };
  }

  const edge: WorkflowEdge = { id: nextId(definition, 'e'), source: source.id, target: target.id };
  if (byOutcome) edge.on = handle;
  // A decision's branches start without a condition; which one is "otherwise" is chosen
  // explicitly in the branches panel, never by the order they were drawn in.
  return { ok: true, edge };
}
